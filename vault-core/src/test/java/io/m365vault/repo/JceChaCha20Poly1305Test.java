package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JceChaCha20Poly1305Test {
    @BeforeAll
    static void register() throws GeneralSecurityException {
        AeadConfig.register();
    }

    private static Aead tink(KeysetHandle h) throws GeneralSecurityException {
        return h.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    @Test
    void interchangeableWithTinksOwnImplementation() throws GeneralSecurityException {
        KeysetHandle h = KeysetHandle.generateNew(PredefinedAeadParameters.CHACHA20_POLY1305);
        Aead jdk = JceChaCha20Poly1305.forKeyset(h);
        Aead tink = tink(h);
        for (int len : new int[] {0, 1, 15, 16, 63, 64, 65, 1000, 65536, 262147}) {
            byte[] plain = ChunkerTest.random(len, len);
            byte[] aad = ChunkerTest.random(len + 1, len % 40);
            byte[] a = jdk.encrypt(plain, aad);
            byte[] b = tink.encrypt(plain, aad);
            assertEquals(b.length, a.length, "same overhead at " + len);
            assertArrayEquals(plain, tink.decrypt(a, aad), "Tink opens the JDK's at " + len);
            assertArrayEquals(plain, jdk.decrypt(b, aad), "the JDK opens Tink's at " + len);
        }
        // Tink treats a null associated data as empty; so must we.
        assertArrayEquals(new byte[3], tink.decrypt(jdk.encrypt(new byte[3], null), new byte[0]));
        assertArrayEquals(new byte[3], jdk.decrypt(tink.encrypt(new byte[3], new byte[0]), null));
    }

    @Test
    void refusesAlteredTruncatedAndForeign() throws GeneralSecurityException {
        KeysetHandle h = KeysetHandle.generateNew(PredefinedAeadParameters.CHACHA20_POLY1305);
        Aead jdk = JceChaCha20Poly1305.forKeyset(h);
        byte[] aad = {1, 2, 3};
        byte[] c = jdk.encrypt(new byte[500], aad);
        for (int at = 0; at < c.length; at += 37) {
            byte[] bad = c.clone();
            bad[at] ^= 1;
            assertThrows(GeneralSecurityException.class, () -> jdk.decrypt(bad, aad));
        }
        assertThrows(GeneralSecurityException.class, () -> jdk.decrypt(java.util.Arrays.copyOf(c, 20), aad));
        assertThrows(GeneralSecurityException.class, () -> jdk.decrypt(c, new byte[] {1, 2}));
        Aead other = JceChaCha20Poly1305.forKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.CHACHA20_POLY1305));
        assertThrows(GeneralSecurityException.class, () -> other.decrypt(c, aad));
    }

    @Test
    void onlyForChaChaKeysets() throws GeneralSecurityException {
        assertNull(JceChaCha20Poly1305.forKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)));
        assertNotNull(JceChaCha20Poly1305.forKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.CHACHA20_POLY1305)));
    }
}
