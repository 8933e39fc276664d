package io.m365vault.repo;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.Mac;

/**
 * Where the repository's AES-GCM, HMAC-SHA256 and SHA-256 come from: the Amazon Corretto Crypto
 * Provider (native AWS-LC code, as fast under C1 as under C2 from the first byte) where it loads,
 * else the JDK's. ChaCha20-Poly1305 is always the JDK's (the native provider has none). Either
 * computes the same bytes, so the repository format does not depend on it (see the tests).
 *
 * <p>The native jar holds linux-x86_64 code only: elsewhere (macOS, Windows, other CPUs) it
 * fails to load and the JDK's ciphers serve. {@code -Dm365vault.crypto=jdk|native} overrides
 * the choice of {@link #inUse}.
 */
public final class CryptoProvider {
    public static final CryptoProvider JDK = new CryptoProvider(null, "the JDK's");
    /** The native provider, or why it did not load. */
    private record Loaded(CryptoProvider provider, String missing) {}

    private static final Loaded NATIVE = loadNative();
    private static final CryptoProvider IN_USE = choose(System.getProperty("m365vault.crypto", "auto"));

    private final Provider provider;
    private final String name;
    private final Map<String, ThreadLocal<Cipher>> ciphers = new ConcurrentHashMap<>();
    private final ThreadLocal<Mac> hkdfMac = ThreadLocal.withInitial(this::unchecked);

    private CryptoProvider(Provider provider, String name) {
        this.provider = provider;
        this.name = name;
    }

    /** The native provider, or null where it does not load ({@link #nativeMissing} says why). */
    static CryptoProvider nativeProvider() {
        return NATIVE.provider();
    }

    /** Why the native provider did not load, or null when it did. */
    static String nativeMissing() {
        return NATIVE.missing();
    }

    /**
     * The provider this JVM seals, hashes and names chunks with: the native one where it loads
     * (measured in `vault bench pipeline`, bench/README.md), unless a property says otherwise.
     */
    public static CryptoProvider inUse() {
        return IN_USE;
    }

    static CryptoProvider choose(String wanted) {
        return switch (wanted.toLowerCase(Locale.ROOT)) {
            case "jdk" -> JDK;
            case "native" -> {
                if (NATIVE.provider() == null) {
                    throw new IllegalStateException("m365vault.crypto=native, but " + NATIVE.missing());
                }
                yield NATIVE.provider();
            }
            default -> NATIVE.provider() != null ? NATIVE.provider() : JDK;
        };
    }

    private static Loaded loadNative() {
        try {
            return Corretto.load();
        } catch (LinkageError | RuntimeException e) {
            // No jar or no native code for this platform: the JDK serves.
            return new Loaded(null, "the Amazon Corretto Crypto Provider did not load: " + e);
        }
    }

    /**
     * The only code that names the native provider's classes. Apart, so that without its jar
     * only this class fails to link, inside {@link #loadNative}'s try: a reference in
     * CryptoProvider itself made the JVM load it to verify CryptoProvider, outside any try.
     */
    private static final class Corretto {
        static Loaded load() {
            AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
            if (accp.getLoadingError() != null) {
                return new Loaded(null, "the Amazon Corretto Crypto Provider did not load: " + accp.getLoadingError());
            }
            // Not assertHealthy(): it runs every self-test at once (0.3-0.6 s of a cold start here);
            // the provider tests each algorithm on its first use anyway.
            return new Loaded(new CryptoProvider(accp, "Amazon Corretto Crypto Provider " + accp.getVersionStr()), null);
        }
    }

    /** True for the native provider: its AES-GCM is fast under C1 too, so sealing prefers it there. */
    public boolean isNative() {
        return provider != null;
    }

    /** Its name, for the log line at start. */
    public String name() {
        return name;
    }

    /**
     * How many bytes of a message to hand the cipher per call. The JDK's AES-GCM intrinsics run
     * only from C2-compiled callers, which C2 compiles after some thousands of calls: in one call
     * per 256 KiB a cold JVM sealed its first ~200 MB at 50 MB/s, in 4 KiB pieces it was at full
     * speed after ~30 MB. Native code needs no warm-up: one call.
     */
    int piece() {
        return provider != null ? Integer.MAX_VALUE : 4 << 10;
    }

    /** This thread's cipher for {@code transformation}, made once per thread. */
    Cipher threadCipher(String transformation) {
        return ciphers.computeIfAbsent(transformation, t -> ThreadLocal.withInitial(() -> {
            try {
                return newCipher(t);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("no " + t + " here: " + e.getMessage(), e);
            }
        })).get();
    }

    /** A new cipher; ChaCha20-Poly1305 (which the native provider lacks) from the JDK. */
    Cipher newCipher(String transformation) throws GeneralSecurityException {
        return provider != null && transformation.startsWith("AES/")
                ? Cipher.getInstance(transformation, provider) : Cipher.getInstance(transformation);
    }

    /** A new HMAC-SHA256, not yet keyed. */
    Mac hmacSha256() throws GeneralSecurityException {
        return provider != null ? Mac.getInstance("HmacSHA256", provider) : Mac.getInstance("HmacSHA256");
    }

    /** This thread's HMAC-SHA256 for {@link Hkdf}, re-keyed at each use. */
    Mac hkdfMac() {
        return hkdfMac.get();
    }

    /** A new SHA-256 (packs are named by theirs: 16 MiB each, so its speed under C1 matters). */
    MessageDigest sha256() {
        try {
            return provider != null ? MessageDigest.getInstance("SHA-256", provider) : MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no SHA-256 here: " + e.getMessage(), e);
        }
    }

    private Mac unchecked() {
        try {
            return hmacSha256();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no HmacSHA256 here: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
