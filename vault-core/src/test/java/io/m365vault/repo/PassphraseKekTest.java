package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PassphraseKekTest {
    /** Cheap cost so that the tests that only check structure run fast. */
    private static PassphraseKek cheap(String pass) {
        return new PassphraseKek("passphrase-env:P", pass, 256, 1, 1);
    }

    @Test
    void defaultCostRoundTripAndWrongPassphrase() {
        RepoKeys keys = RepoKeys.generate();
        PassphraseKek kek = new PassphraseKek("passphrase-env:VAULT_PASSPHRASE", "correct horse battery staple");
        long t0 = System.nanoTime();
        byte[] blob = keys.wrap(kek);
        System.out.printf("Argon2id %d KiB, %d passes: %d ms%n", PassphraseKek.DEFAULT_MEMORY_KIB,
                PassphraseKek.DEFAULT_ITERATIONS, (System.nanoTime() - t0) / 1_000_000);
        RepoKeys back = RepoKeys.unwrap(blob, new PassphraseKek("passphrase-env:OTHER_VAR", "correct horse battery staple"));
        assertArrayEquals(keys.gearTable(), back.gearTable());
        var e = assertThrows(WrongKeyException.class, () -> RepoKeys.unwrap(blob,
                new PassphraseKek("passphrase-env:VAULT_PASSPHRASE", "correct horse battery stapler")));
        assertTrue(e.getMessage().startsWith("the key passphrase-env:VAULT_PASSPHRASE does not open this repository's keys ("
                + keys.id() + ")"), e.getMessage());
        assertFalse(e.getMessage().contains("correct horse"));
    }

    @Test
    void eachWrapHasItsOwnSaltAndStoresItsCost() {
        PassphraseKek kek = cheap("pw");
        byte[] a = kek.wrap(new byte[10]);
        byte[] b = kek.wrap(new byte[10]);
        assertFalse(Arrays.equals(Arrays.copyOf(a, 16), Arrays.copyOf(b, 16)));
        ByteBuffer cost = ByteBuffer.wrap(a, 16, 12);
        assertTrue(cost.getInt() == 256 && cost.getInt() == 1 && cost.getInt() == 1);
        // A KEK with another default cost still opens it: unwrap reads the cost from the blob.
        assertArrayEquals(new byte[10], new PassphraseKek("passphrase-env:P", "pw", 512, 2, 1).unwrap(a));
    }

    @Test
    void storedCostBeyondTheBoundsIsOneClearErrorNotAnAllocation() {
        // 1 TiB; 1 GiB (more than a small Functions worker's heap); 20 passes; 17 lanes.
        int[][] costs = {{1 << 30, 1, 1}, {1 << 20, 1, 1}, {256, 20, 1}, {1024, 1, 17}};
        for (int[] cost : costs) {
            byte[] w = cheap("pw").wrap(new byte[10]);
            ByteBuffer.wrap(w, 16, 12).putInt(cost[0]).putInt(cost[1]).putInt(cost[2]);
            var e = assertThrows(CorruptKeysException.class, () -> cheap("pw").unwrap(w));
            assertEquals("the repository's key blob is corrupt: Argon2id cost out of range: memory " + cost[0] + " KiB, "
                    + cost[1] + " passes, " + cost[2] + " lanes (at most 262144 KiB, 16 passes, 16 lanes)", e.getMessage());
        }
    }

    @Test
    void aCostWithinTheBoundsButBeyondTheHeapIsOneClearError() {
        // The default fits the heap a JVM gets by default on a 512 MB instance (about 123 MiB).
        PassphraseKek.checkHeap(PassphraseKek.DEFAULT_MEMORY_KIB, 123L << 20);
        var e = assertThrows(RepositoryException.class, () -> PassphraseKek.checkHeap(PassphraseKek.MAX_MEMORY_KIB, 123L << 20));
        assertEquals("the key blob's Argon2id cost needs 256 MiB, more than three quarters of this JVM's 123 MiB heap: "
                + "run it with a larger heap (-Xmx)", e.getMessage());
    }

    @Test
    void aBlobLargerThanAnyKeyBlobIsRefusedBeforeItIsParsed() {
        byte[] swollen = cheap("pw").wrap(new byte[KeyBlobFields.MAX_BLOB]);
        var e = assertThrows(CorruptKeysException.class, () -> cheap("pw").unwrap(swollen));
        assertTrue(e.getMessage().endsWith(swollen.length + " bytes, more than a key blob holds (65536)"), e.getMessage());
    }

    @Test
    void alteredSaltIsAnotherKeyAlteredSealIsCorrupt() {
        byte[] w2 = cheap("pw").wrap(new byte[10]);
        w2[0] ^= 1; // salt: another derived key, so the check value differs
        assertThrows(KekMismatchException.class, () -> cheap("pw").unwrap(w2));
        byte[] w3 = cheap("pw").wrap(new byte[10]);
        w3[w3.length - 1] ^= 1;
        assertThrows(CorruptKeysException.class, () -> cheap("pw").unwrap(w3));
    }

    @Test
    void emptyPassphraseIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> new PassphraseKek("passphrase-env:P", ""));
        assertTrue(e.getMessage().contains("VAULT_KEK"), e.getMessage());
    }
}
