package io.m365vault.repo;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The repository's data keys: three Tink keysets, kept together and sealed under a {@link Kek}.
 * <ul>
 *   <li>an AEAD whose keys are not meant to seal anything themselves: chunk records and pack
 *       headers are sealed under keys derived from them with a random salt each carries
 *       ({@link #sealerFor(byte[], byte[])}; a salt serves at most {@link ChunkCodec#RECORDS_PER_KEY}
 *       records), table rows under a key derived per catalog partition, state scope or index
 *       slice ({@link #sealerFor(String)}), so no key seals more than 65,536 messages or one
 *       part's rows;
 *   <li>a PRF (HMAC-SHA256) for chunk ids, so that the storage owner cannot confirm a guess at
 *       content by hashing it;
 *   <li>a second PRF key that only derives the chunker's gear table. It is separate so that no
 *       chunk id, which the storage holds in clear, is an output of the key that shapes the cuts.
 * </ul>
 */
public final class RepoKeys {
    /**
     * The primary AEAD key. New keysets also hold an AES-256-GCM key, used to seal when the JVM
     * has C2: under C1 only (as the Azure Functions worker starts the JVM) the JDK's AES-GCM has
     * no intrinsic and ran 4-5x slower than its ChaCha20-Poly1305, while with C2 it is ten times
     * faster. Figures: bench/README.md.
     */
    public static final Parameters DEFAULT_AEAD = PredefinedAeadParameters.CHACHA20_POLY1305;

    private static final byte[] MAGIC = "m365vault-keys\0\1".getBytes(StandardCharsets.US_ASCII);
    private static final String INNER_FORMAT = "m365vault keysets v1";
    private static final byte[] GEAR_LABEL = "m365vault gear table ".getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();
    /** Random bytes a chunk record or pack header carries in clear to derive its key from. */
    static final int SALT = 16;
    private static final byte[] CONTEXT_LABEL = "m365vault/v2/context:".getBytes(StandardCharsets.US_ASCII);

    static {
        try {
            AeadConfig.register();
            PrfConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String id;
    private final KeysetHandle aeadKeys;
    private final KeysetHandle idKeys;
    private final KeysetHandle gearKeys;
    /** The keyset's own key, for what has not moved to derived keys (see {@link #seal}). */
    private final Sealer keysetKey;
    /** The keyset's JDK-handled AEAD keys, which derived keys come from; null when it has none. */
    private final JceAead derivable;
    private final JceHmac idMac;
    private final long[] gear;
    private final CryptoProvider crypto;

    private RepoKeys(String id, KeysetHandle aeadKeys, KeysetHandle idKeys, KeysetHandle gearKeys, CryptoProvider crypto)
            throws GeneralSecurityException {
        this.id = id;
        this.aeadKeys = aeadKeys;
        this.idKeys = idKeys;
        this.gearKeys = gearKeys;
        this.crypto = crypto;
        boolean aes = prefersAesGcm(crypto);
        this.keysetKey = new Sealer(new RepoAead(aeadKeys, aes, crypto));
        this.derivable = JceAead.forKeyset(aeadKeys, aes, crypto);
        this.idMac = JceHmac.forKeyset(idKeys, crypto);
        this.gear = deriveGear(gearKeys.getPrimitive(RegistryConfiguration.get(), PrfSet.class));
    }

    /**
     * Whether to seal with AES-GCM rather than ChaCha20-Poly1305: where it is fast, i.e. with C2
     * or from the native provider. The JDK's AES-GCM under C1 only ran at a fifth of its
     * ChaCha20-Poly1305 (bench/README.md).
     */
    static boolean prefersAesGcm(CryptoProvider crypto) {
        return crypto.isNative() || JitMode.c2();
    }

    /** The same keys computed by another provider: what one seals the other opens (tests, benchmarks). */
    RepoKeys with(CryptoProvider other) {
        try {
            return new RepoKeys(id, aeadKeys, idKeys, gearKeys, other);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("keys that opened once do not open again: " + e.getMessage(), e);
        }
    }

    /** The provider that computes these keys' ciphers, ids and pack names. */
    CryptoProvider crypto() {
        return crypto;
    }

    /** New keys: the AEAD keyset holds a ChaCha20-Poly1305 and an AES-256-GCM key (see {@link RepoAead}). */
    public static RepoKeys generate() {
        try {
            return generate(KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.generateEntryFromParameters(DEFAULT_AEAD).withRandomId().makePrimary())
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId())
                    .build());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink cannot generate keys: " + e.getMessage(), e);
        }
    }

    /** New keys with one AEAD (Tink parameters); benchmarks compare them this way. */
    public static RepoKeys generate(Parameters aeadParameters) {
        try {
            return generate(KeysetHandle.generateNew(aeadParameters));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink cannot generate keys: " + e.getMessage(), e);
        }
    }

    private static RepoKeys generate(KeysetHandle aeadKeys) {
        byte[] idBytes = new byte[8];
        new SecureRandom().nextBytes(idBytes);
        try {
            return new RepoKeys(HEX.formatHex(idBytes),
                    aeadKeys,
                    KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF),
                    KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF), CryptoProvider.inUse());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink cannot generate keys: " + e.getMessage(), e);
        }
    }

    private static long[] deriveGear(PrfSet prf) throws GeneralSecurityException {
        long[] g = new long[Chunker.GEAR_SIZE];
        byte[] input = Arrays.copyOf(GEAR_LABEL, GEAR_LABEL.length + 1);
        for (int block = 0; block < Chunker.GEAR_SIZE / 4; block++) {
            input[GEAR_LABEL.length] = (byte) block;
            ByteBuffer out = ByteBuffer.wrap(prf.computePrimary(input, 32));
            for (int j = 0; j < 4; j++) {
                g[block * 4 + j] = out.getLong();
            }
        }
        return g;
    }

    /** A short random id naming these keys (16 hex digits); the key blob is stored under it. */
    public String id() {
        return id;
    }

    /** The keyed HMAC-SHA256 of the bytes. */
    public ChunkId chunkId(byte[] buf, int off, int len) {
        return ChunkId.of(idMac.compute(buf, off, len));
    }

    /**
     * A key for one context, the same each time for the same context: HKDF-SHA256 of the keyset's
     * keys with {@code context} (UTF-8) in its info. The catalog seals each partition's fields
     * under the key of its partition. Deriving costs two HMACs per keyset key: keep the sealer
     * for as many rows as share the context.
     */
    public Sealer sealerFor(String context) {
        byte[] c = context.getBytes(StandardCharsets.UTF_8);
        byte[] info = Arrays.copyOf(CONTEXT_LABEL, CONTEXT_LABEL.length + c.length);
        System.arraycopy(c, 0, info, CONTEXT_LABEL.length, c.length);
        return new Sealer(derivable().derive(new byte[0], info));
    }

    /**
     * The key to seal one salted message with (a chunk record, a pack header): HKDF-SHA256 of the
     * keyset's sealing key with {@code salt}, kept in clear beside what it seals, and {@code info}
     * naming the use.
     */
    Sealer sealerFor(byte[] salt, byte[] info) {
        return new Sealer(derivable().deriveForSealing(salt, info));
    }

    /** The key that opens the salted message {@code sealed[off, off+len)}: derived from the keyset key its prefix names. */
    Sealer openerFor(byte[] salt, byte[] info, byte[] sealed, int off, int len) {
        return new Sealer(derivable().deriveForOpening(salt, info, sealed, off, len));
    }

    private JceAead derivable() {
        if (derivable == null) {
            throw new IllegalStateException("keys " + id + " hold no ChaCha20-Poly1305 or AES-GCM key to derive keys from");
        }
        return derivable;
    }

    /** A fresh random salt of {@link #SALT} bytes. */
    static byte[] newSalt() {
        return com.google.crypto.tink.subtle.Random.randBytes(SALT);
    }

    /**
     * Encrypts and authenticates under the keyset's own key, which the repository itself no longer
     * seals with (everything goes under derived keys): for benchmarks of the bare AEAD.
     */
    public byte[] seal(byte[] plain, int off, int len, byte[] aad) {
        return keysetKey.seal(plain, off, len, aad);
    }

    /** {@link #seal} into {@code out} at {@code outOff}: writes {@code len + sealOverhead()} bytes. */
    public void seal(byte[] plain, int off, int len, byte[] aad, byte[] out, int outOff) {
        keysetKey.seal(plain, off, len, aad, out, outOff);
    }

    /** Bytes a sealed message has beyond its plaintext, under the keyset's key or one derived from it. */
    public int sealOverhead() {
        return keysetKey.overhead();
    }

    /** @throws GeneralSecurityException when the bytes were altered or {@code aad} differs */
    public byte[] open(byte[] sealed, int off, int len, byte[] aad) throws GeneralSecurityException {
        return keysetKey.open(sealed, off, len, aad);
    }

    /** {@link #open} into {@code out} at {@code outOff}; returns the plaintext's length. */
    public int open(byte[] sealed, int off, int len, byte[] aad, byte[] out, int outOff) throws GeneralSecurityException {
        return keysetKey.open(sealed, off, len, aad, out, outOff);
    }

    /** The chunker's gear table (a copy). */
    public long[] gearTable() {
        return gear.clone();
    }

    /**
     * The blob to store under {@code keys/<id>}: magic, id and KEK kind in clear (no secret),
     * then the three keysets sealed by the KEK.
     */
    public byte[] wrap(Kek kek) {
        byte[] inner = new KeyBlobFields.Writer().text(INNER_FORMAT).text(id)
                .bytes(serialize(aeadKeys)).bytes(serialize(idKeys)).bytes(serialize(gearKeys)).toBytes();
        byte[] sealed = kek.wrap(inner);
        Arrays.fill(inner, (byte) 0);
        return new KeyBlobFields.Writer().raw(MAGIC).text(id).text(kek.kind()).bytes(sealed).toBytes();
    }

    /**
     * @throws WrongKeyException when {@code kek} is not the key that sealed the blob
     * @throws CorruptKeysException when the blob is not a key blob, or is truncated or altered
     */
    public static RepoKeys unwrap(byte[] blob, Kek kek) {
        Sealed s = Sealed.parse(blob, kek);
        String id = s.id();
        byte[] inner;
        try {
            inner = kek.unwrap(s.sealed());
        } catch (KekMismatchException e) {
            throw new WrongKeyException(kek.describe(), id, e.getMessage());
        }
        KeyBlobFields.Reader r = new KeyBlobFields.Reader(inner);
        if (!INNER_FORMAT.equals(r.text()) || !id.equals(r.text())) {
            throw new CorruptKeysException("the sealed keyset is not the one its header names (" + id + ")");
        }
        try {
            RepoKeys keys = new RepoKeys(id, parse(r.bytes()), parse(r.bytes()), parse(r.bytes()), CryptoProvider.inUse());
            r.end();
            return keys;
        } catch (GeneralSecurityException e) {
            throw new CorruptKeysException("a keyset inside cannot be read: " + e.getMessage(), e);
        } finally {
            Arrays.fill(inner, (byte) 0);
        }
    }

    /** Which key (version, parameters) of {@code kek}'s kind sealed a key blob, for messages ({@link Kek#wrappedBy}). */
    public static String wrappedBy(byte[] blob, Kek kek) {
        return kek.wrappedBy(Sealed.parse(blob, kek).sealed());
    }

    /** A key blob's clear header (magic, id, KEK kind) and its sealed part. */
    private record Sealed(String id, byte[] sealed) {
        static Sealed parse(byte[] blob, Kek kek) {
            KeyBlobFields.Reader outer = new KeyBlobFields.Reader(blob);
            if (blob.length < MAGIC.length || !Arrays.equals(outer.raw(MAGIC.length), MAGIC)) {
                throw new CorruptKeysException("it does not start as an m365vault key blob does");
            }
            String id = outer.text();
            String kind = outer.text();
            byte[] sealed = outer.bytes();
            outer.end();
            if (!kind.equals(kek.kind())) {
                throw new WrongKeyException(kek.describe(), id, "they were sealed under a " + kind + " key");
            }
            return new Sealed(id, sealed);
        }
    }

    private static byte[] serialize(KeysetHandle h) {
        try {
            return TinkProtoKeysetFormat.serializeKeyset(h, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Tink cannot serialise a keyset: " + e.getMessage(), e);
        }
    }

    private static KeysetHandle parse(byte[] b) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.parseKeyset(b, InsecureSecretKeyAccess.get());
    }
}
