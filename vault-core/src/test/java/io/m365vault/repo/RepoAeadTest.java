package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RepoAeadTest {
    private static KeysetHandle bothKeys() throws GeneralSecurityException {
        RepoKeys.generate(); // registers Tink's AEAD types
        return KeysetHandle.newBuilder()
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.CHACHA20_POLY1305).withRandomId().makePrimary())
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId())
                .build();
    }

    private static byte[] seal(RepoAead aead, byte[] plain, byte[] aad) throws GeneralSecurityException {
        byte[] out = new byte[plain.length + aead.overhead()];
        aead.seal(plain, 0, plain.length, aad, out, 0);
        return out;
    }

    @Test
    void keyTypesTheJdkDoesNotHandleGoThroughTink() throws Exception {
        RepoKeys.generate();
        RepoAead aead = new RepoAead(KeysetHandle.generateNew(PredefinedAeadParameters.XCHACHA20_POLY1305), true, CryptoProvider.inUse());
        byte[] plain = TestRepos.random(2, 1000);
        byte[] sealed = seal(aead, plain, new byte[] {7});
        assertArrayEquals(plain, aead.open(sealed, 0, sealed.length, new byte[] {7}));
        byte[] into = new byte[1001];
        assertEquals(1000, aead.open(sealed, 0, sealed.length, new byte[] {7}, into, 1));
        assertArrayEquals(plain, java.util.Arrays.copyOfRange(into, 1, 1001));
        assertThrows(GeneralSecurityException.class, () -> aead.open(sealed, 0, sealed.length, new byte[] {8}));
    }

    @ParameterizedTest
    @MethodSource("io.m365vault.repo.CryptoProviders#all")
    void whatEitherAlgorithmSealsTheOtherOpens(CryptoProvider crypto) throws Exception {
        KeysetHandle keys = bothKeys();
        RepoAead c1 = new RepoAead(keys, false, crypto);
        RepoAead c2 = new RepoAead(keys, true, crypto);
        byte[] plain = TestRepos.random(1, 100_000);
        byte[] aad = {1, 2, 3};
        byte[] fromC1 = seal(c1, plain, aad);
        byte[] fromC2 = seal(c2, plain, aad);
        assertFalse(java.util.Arrays.equals(fromC1, 0, 5, fromC2, 0, 5), "C1 and C2 seal under different keys");
        assertArrayEquals(plain, c2.open(fromC1, 0, fromC1.length, aad));
        assertArrayEquals(plain, c1.open(fromC2, 0, fromC2.length, aad));
        assertArrayEquals(plain, c1.open(fromC1, 0, fromC1.length, aad));
        assertArrayEquals(plain, c2.open(fromC2, 0, fromC2.length, aad));
    }

    @Test
    void alteredBytesOrOtherAadDoNotOpenUnderEitherKey() throws Exception {
        KeysetHandle keys = bothKeys();
        for (boolean c2 : new boolean[] {false, true}) {
            RepoAead aead = new RepoAead(keys, c2, CryptoProvider.inUse());
            byte[] sealed = seal(aead, new byte[] {9, 9, 9}, new byte[] {1});
            assertThrows(GeneralSecurityException.class, () -> aead.open(sealed, 0, sealed.length, new byte[] {2}));
            sealed[sealed.length - 1] ^= 1;
            assertThrows(GeneralSecurityException.class, () -> aead.open(sealed, 0, sealed.length, new byte[] {1}));
        }
    }

    @Test
    void theJvmRunningTheTestsHasC2() {
        assertTrue(JitMode.c2(), "surefire runs tests without -XX:TieredStopAtLevel");
    }
}
