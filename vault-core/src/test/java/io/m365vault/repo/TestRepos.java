package io.m365vault.repo;

import io.m365vault.testkit.AzuriteExtension.StorageAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh repositories on the test Azurite, each in its own container and tables. */
final class TestRepos {
    private static final AtomicInteger SEQ = new AtomicInteger();

    private TestRepos() {
    }

    static String freshName() {
        return "t" + Long.toHexString(System.nanoTime()) + SEQ.incrementAndGet();
    }

    static io.m365vault.repo.StorageAccount storage(StorageAccount account) {
        return io.m365vault.repo.StorageAccount.of(account.connectionString());
    }

    static Kek newKek(Path dir) {
        try {
            return FileKek.create(dir.resolve("kek-" + SEQ.incrementAndGet()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] random(long seed, int size) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("vault-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
