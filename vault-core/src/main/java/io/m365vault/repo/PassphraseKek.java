package io.m365vault.repo;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * A KEK derived from a passphrase with Argon2id (RFC 9106). Each wrap draws a new 16-byte salt;
 * the salt and the cost parameters are stored in the wrapped bytes, so the defaults can change
 * without making old repositories unreadable.
 *
 * <p>Default cost: 64 MiB of memory, 3 passes, 1 lane (RFC 9106's second recommended setting,
 * with one lane because the derivation runs on one thread here). It takes well under a second on
 * a current core and is paid once per open, not per chunk.
 */
public final class PassphraseKek implements Kek {
    public static final int DEFAULT_MEMORY_KIB = 64 * 1024;
    public static final int DEFAULT_ITERATIONS = 3;
    public static final int DEFAULT_PARALLELISM = 1;
    // Bounds on what a blob may ask for, checked before deriving: an altered blob must not make
    // us allocate more than a Functions worker's heap (512 MiB on the smallest Flex instance)
    // nor spin for minutes. Four times the default memory and five times its passes.
    static final int MAX_MEMORY_KIB = 256 * 1024;
    static final int MAX_ITERATIONS = 16;
    static final int MAX_PARALLELISM = 16;
    private static final int SALT_SIZE = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String source;
    private final byte[] passphrase;
    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;

    /** @param source where the passphrase came from, for messages (e.g. {@code passphrase-env:VAULT_PASSPHRASE}) */
    public PassphraseKek(String source, String passphrase) {
        this(source, passphrase, DEFAULT_MEMORY_KIB, DEFAULT_ITERATIONS, DEFAULT_PARALLELISM);
    }

    /** With another cost for new wraps; unwrapping always uses the cost stored in the blob. */
    public PassphraseKek(String source, String passphrase, int memoryKiB, int iterations, int parallelism) {
        if (passphrase.isEmpty()) {
            throw new IllegalArgumentException("VAULT_KEK: " + source + " gives an empty passphrase");
        }
        checkCost(memoryKiB, iterations, parallelism, IllegalArgumentException::new);
        this.source = source;
        this.passphrase = passphrase.getBytes(StandardCharsets.UTF_8);
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    /**
     * Within the bounds, a cost can still exceed a small JVM's heap (123 MiB by default with
     * 512 MB and one core, measured here with -XX:MaxRAM=512m): say so rather than fail with an
     * OutOfMemoryError halfway through. Three quarters, not all: the heap holds the rest too.
     */
    static void checkHeap(int memoryKiB, long maxHeapBytes) {
        if (memoryKiB * 1024L > maxHeapBytes / 4 * 3) {
            throw new RepositoryException("the key blob's Argon2id cost needs " + memoryKiB / 1024 + " MiB, more than three quarters of this JVM's "
                    + maxHeapBytes / (1 << 20) + " MiB heap: run it with a larger heap (-Xmx)");
        }
    }

    private static <E extends RuntimeException> void checkCost(
            int memoryKiB, int iterations, int parallelism, java.util.function.Function<String, E> error) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM || iterations < 1 || iterations > MAX_ITERATIONS
                || memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            throw error.apply("Argon2id cost out of range: memory " + memoryKiB + " KiB, " + iterations
                    + " passes, " + parallelism + " lanes (at most " + MAX_MEMORY_KIB + " KiB, " + MAX_ITERATIONS
                    + " passes, " + MAX_PARALLELISM + " lanes)");
        }
    }

    @Override
    public String kind() {
        return "passphrase-env";
    }

    @Override
    public byte[] wrap(byte[] plain) {
        byte[] salt = new byte[SALT_SIZE];
        RANDOM.nextBytes(salt);
        byte[] key = derive(salt, memoryKiB, iterations, parallelism);
        return new KeyBlobFields.Writer().raw(salt).i32(memoryKiB).i32(iterations).i32(parallelism)
                .raw(SecretBox.seal(key, plain)).toBytes();
    }

    @Override
    public byte[] unwrap(byte[] wrapped) {
        KeyBlobFields.Reader r = new KeyBlobFields.Reader(wrapped);
        byte[] salt = r.raw(SALT_SIZE);
        int m = r.i32();
        int t = r.i32();
        int p = r.i32();
        checkCost(m, t, p, CorruptKeysException::new);
        checkHeap(m, Runtime.getRuntime().maxMemory());
        byte[] box = r.raw(r.remaining());
        return SecretBox.open(derive(salt, m, t, p), box);
    }

    @Override
    public String wrappedBy(byte[] wrapped) {
        KeyBlobFields.Reader r = new KeyBlobFields.Reader(wrapped);
        String salt = java.util.HexFormat.of().formatHex(r.raw(SALT_SIZE));
        return source + " (Argon2id, " + r.i32() + " KiB, " + r.i32() + " passes, " + r.i32() + " lanes, salt " + salt + ")";
    }

    private byte[] derive(byte[] salt, int m, int t, int p) {
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(m)
                .withIterations(t)
                .withParallelism(p)
                .build());
        byte[] key = new byte[SecretBox.KEY_SIZE];
        gen.generateBytes(passphrase, key);
        return key;
    }

    @Override
    public String describe() {
        return source;
    }
}
