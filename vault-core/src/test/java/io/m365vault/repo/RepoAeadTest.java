package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;

class RepoAeadTest {
    private static KeysetHandle bothKeys() throws GeneralSecurityException {
        RepoKeys.generate(); // registers Tink's AEAD types
        return KeysetHandle.newBuilder()
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.CHACHA20_POLY1305).withRandomId().makePrimary())
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId())
                .build();
    }

    @Test
    void whatEitherJitModeSealsTheOtherOpens() throws Exception {
        KeysetHandle keys = bothKeys();
        RepoAead c1 = new RepoAead(keys, false);
        RepoAead c2 = new RepoAead(keys, true);
        byte[] plain = TestRepos.random(1, 100_000);
        byte[] aad = {1, 2, 3};
        byte[] fromC1 = c1.encrypt(plain, aad);
        byte[] fromC2 = c2.encrypt(plain, aad);
        assertFalse(java.util.Arrays.equals(fromC1, 0, 5, fromC2, 0, 5), "C1 and C2 seal under different keys");
        assertArrayEquals(plain, c2.decrypt(fromC1, aad));
        assertArrayEquals(plain, c1.decrypt(fromC2, aad));
        assertArrayEquals(plain, c1.decrypt(fromC1, aad));
        assertArrayEquals(plain, c2.decrypt(fromC2, aad));
    }

    @Test
    void alteredBytesOrOtherAadDoNotOpenUnderEitherKey() throws Exception {
        KeysetHandle keys = bothKeys();
        for (boolean c2 : new boolean[] {false, true}) {
            RepoAead aead = new RepoAead(keys, c2);
            byte[] sealed = aead.encrypt(new byte[] {9, 9, 9}, new byte[] {1});
            assertThrows(GeneralSecurityException.class, () -> aead.decrypt(sealed, new byte[] {2}));
            sealed[sealed.length - 1] ^= 1;
            assertThrows(GeneralSecurityException.class, () -> aead.decrypt(sealed, new byte[] {1}));
        }
    }

    @Test
    void theJvmRunningTheTestsHasC2() {
        assertTrue(JitMode.c2(), "surefire runs tests without -XX:TieredStopAtLevel");
    }
}
