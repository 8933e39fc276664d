package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.crypto.tink.subtle.Hkdf;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;

class HkdfTest {
    @Test
    void isRfc5869AsTinkComputesItUnderEveryProvider() throws GeneralSecurityException {
        for (CryptoProvider p : CryptoProviders.all()) {
            isRfc5869AsTinkComputesIt(p);
        }
    }

    private static void isRfc5869AsTinkComputesIt(CryptoProvider p) throws GeneralSecurityException {
        for (int len : new int[] {1, 16, 31, 32}) {
            for (byte[] salt : new byte[][] {new byte[0], TestRepos.random(len, 16), TestRepos.random(len, 100)}) {
                byte[] ikm = TestRepos.random(len + 7, 32);
                byte[] info = TestRepos.random(len + 8, len);
                assertArrayEquals(Hkdf.computeHkdf("HMACSHA256", ikm, salt, info, len),
                        io.m365vault.repo.Hkdf.derive(p, ikm, salt, info, len), p + ", length " + len + ", salt " + salt.length);
            }
        }
    }

    @Test
    void derivesNoMoreThanOneBlock() {
        assertThrows(IllegalArgumentException.class, () -> io.m365vault.repo.Hkdf.derive(CryptoProvider.JDK, new byte[32], new byte[16], new byte[0], 33));
    }
}
