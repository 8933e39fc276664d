package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JceHmacTest {
    @BeforeAll
    static void register() throws GeneralSecurityException {
        PrfConfig.register();
    }

    static java.util.List<CryptoProvider> providers() {
        return CryptoProviders.all();
    }

    @ParameterizedTest
    @MethodSource("providers")
    void sameOutputAsTinksPrfOverAnyRange(CryptoProvider crypto) throws GeneralSecurityException {
        KeysetHandle h = KeysetHandle.generateNew(PredefinedPrfParameters.HMAC_SHA256_PRF);
        PrfSet tink = h.getPrimitive(RegistryConfiguration.get(), PrfSet.class);
        JceHmac jce = JceHmac.forKeyset(h, crypto);
        byte[] buf = ChunkerTest.random(5, 300_000);
        for (int[] range : new int[][] {{0, 0}, {0, 1}, {7, 63}, {100, 4096}, {0, buf.length}, {1, buf.length - 1}}) {
            byte[] expected = tink.computePrimary(Arrays.copyOfRange(buf, range[0], range[0] + range[1]), 32);
            assertArrayEquals(expected, jce.compute(buf, range[0], range[1]), Arrays.toString(range));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"HMAC_SHA512_PRF", "HKDF_SHA256"})
    void refusesOtherPrfKeys(String name) throws GeneralSecurityException {
        KeysetHandle h = KeysetHandle.generateNew(name.equals("HKDF_SHA256")
                ? PredefinedPrfParameters.HKDF_SHA256 : PredefinedPrfParameters.HMAC_SHA512_PRF);
        assertThrows(GeneralSecurityException.class, () -> JceHmac.forKeyset(h, CryptoProvider.JDK));
    }
}
