package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JceAeadTest {
    @BeforeAll
    static void register() throws GeneralSecurityException {
        AeadConfig.register();
    }

    private static Parameters parameters(String name) {
        return switch (name) {
            case "CHACHA20_POLY1305" -> PredefinedAeadParameters.CHACHA20_POLY1305;
            case "AES256_GCM" -> PredefinedAeadParameters.AES256_GCM;
            case "AES128_GCM" -> PredefinedAeadParameters.AES128_GCM;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static byte[] seal(JceAead jce, byte[] plain, byte[] aad) throws GeneralSecurityException {
        byte[] out = new byte[plain.length + jce.overhead()];
        jce.seal(plain, 0, plain.length, aad, out, 0);
        return out;
    }

    private static byte[] open(JceAead jce, byte[] sealed, byte[] aad) throws GeneralSecurityException {
        byte[] out = new byte[jce.plainLength(sealed, 0, sealed.length)];
        assertEquals(out.length, jce.open(sealed, 0, sealed.length, aad, out, 0));
        return out;
    }

    static List<CryptoProvider> providers() {
        return CryptoProviders.all();
    }

    /** Each key type under each provider. */
    static List<Arguments> typesAndProviders() {
        List<Arguments> all = new ArrayList<>();
        for (String type : new String[] {"CHACHA20_POLY1305", "AES256_GCM", "AES128_GCM"}) {
            for (CryptoProvider p : providers()) {
                all.add(Arguments.of(type, p));
            }
        }
        return all;
    }

    @ParameterizedTest
    @MethodSource("typesAndProviders")
    void interchangeableWithTinksOwnImplementation(String type, CryptoProvider crypto) throws GeneralSecurityException {
        KeysetHandle h = KeysetHandle.generateNew(parameters(type));
        JceAead jdk = JceAead.forKeyset(h, true, crypto);
        Aead tink = h.getPrimitive(RegistryConfiguration.get(), Aead.class);
        for (int len : new int[] {0, 1, 15, 16, 63, 64, 65, 1000, 4095, 4096, 4097, 65536, 262147}) {
            byte[] plain = ChunkerTest.random(len, len);
            byte[] aad = ChunkerTest.random(len + 1, len % 40);
            byte[] a = seal(jdk, plain, aad);
            byte[] b = tink.encrypt(plain, aad);
            assertEquals(b.length, a.length, "same overhead at " + len);
            assertArrayEquals(plain, tink.decrypt(a, aad), "Tink opens the JDK's at " + len);
            assertArrayEquals(plain, open(jdk, b, aad), "the JDK opens Tink's at " + len);
        }
        // Tink treats a null associated data as empty; so must we.
        assertArrayEquals(new byte[3], tink.decrypt(seal(jdk, new byte[3], null), new byte[0]));
        assertArrayEquals(new byte[3], open(jdk, tink.encrypt(new byte[3], new byte[0]), null));
    }

    /** Known answer across providers: what one seals the other opens, for the keyset key and derived keys. */
    @ParameterizedTest
    @ValueSource(strings = {"AES256_GCM", "CHACHA20_POLY1305"})
    void whatOneProviderSealsEveryOtherOpens(String type) throws GeneralSecurityException {
        KeysetHandle h = KeysetHandle.generateNew(parameters(type));
        byte[] salt = ChunkerTest.random(9, 16);
        byte[] info = {'x'};
        for (CryptoProvider sealing : providers()) {
            JceAead sealer = JceAead.forKeyset(h, true, sealing);
            for (int len : new int[] {0, 100, 4097, 262144}) {
                byte[] plain = ChunkerTest.random(len, len);
                byte[] aad = {(byte) len};
                byte[] sealed = seal(sealer, plain, aad);
                byte[] derived = seal(sealer.deriveForSealing(salt, info), plain, aad);
                for (CryptoProvider opening : providers()) {
                    JceAead opener = JceAead.forKeyset(h, true, opening);
                    assertArrayEquals(plain, open(opener, sealed, aad), sealing + " to " + opening + " at " + len);
                    assertArrayEquals(plain, open(opener.deriveForOpening(salt, info, derived, 0, derived.length), derived, aad),
                            "derived, " + sealing + " to " + opening + " at " + len);
                }
            }
        }
        if (CryptoProviders.nativeExpected()) {
            assertEquals(2, providers().size(), "both providers took part");
        }
    }

    @ParameterizedTest
    @MethodSource("providers")
    void sealsAndOpensBetweenOffsetsOfLargerArrays(CryptoProvider crypto) throws GeneralSecurityException {
        JceAead jdk = JceAead.forKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), true, crypto);
        byte[] source = ChunkerTest.random(7, 5000);
        byte[] aad = {4, 5};
        byte[] record = new byte[100 + 3000 + jdk.overhead() + 50];
        jdk.seal(source, 1000, 3000, aad, record, 100);
        byte[] plain = new byte[10 + 3000];
        assertEquals(3000, jdk.open(record, 100, 3000 + jdk.overhead(), aad, plain, 10));
        assertArrayEquals(Arrays.copyOfRange(source, 1000, 4000), Arrays.copyOfRange(plain, 10, 3010));
        assertEquals(0, record[0], "nothing written before the offset");
        assertEquals(0, record[record.length - 1], "nothing written after the message");
    }

    @ParameterizedTest
    @MethodSource("typesAndProviders")
    void refusesAlteredTruncatedAndForeign(String type, CryptoProvider crypto) throws GeneralSecurityException {
        JceAead jdk = JceAead.forKeyset(KeysetHandle.generateNew(parameters(type)), true, crypto);
        byte[] aad = {1, 2, 3};
        byte[] c = seal(jdk, new byte[500], aad);
        byte[] out = new byte[500];
        for (int at = 0; at < c.length; at += 37) {
            byte[] bad = c.clone();
            bad[at] ^= 1;
            assertThrows(GeneralSecurityException.class, () -> jdk.open(bad, 0, bad.length, aad, out, 0));
        }
        assertThrows(GeneralSecurityException.class, () -> jdk.open(c, 0, 20, aad, out, 0));
        assertThrows(GeneralSecurityException.class, () -> jdk.open(c, 0, c.length, new byte[] {1, 2}, out, 0));
        JceAead other = JceAead.forKeyset(KeysetHandle.generateNew(parameters(type)), true, crypto);
        assertThrows(GeneralSecurityException.class, () -> other.open(c, 0, c.length, aad, out, 0));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void sealsWithAesGcmOnlyWhenPreferredAndOpensBoth(CryptoProvider crypto) throws GeneralSecurityException {
        KeysetHandle both = KeysetHandle.newBuilder()
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.CHACHA20_POLY1305).withRandomId().makePrimary())
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId())
                .build();
        JceAead aes = JceAead.forKeyset(both, true, crypto);
        JceAead chacha = JceAead.forKeyset(both, false, crypto);
        byte[] a = seal(aes, new byte[10], null);
        byte[] c = seal(chacha, new byte[10], null);
        assertArrayEquals(((com.google.crypto.tink.aead.AeadKey) both.getAt(1).getKey()).getOutputPrefix().toByteArray(), Arrays.copyOf(a, 5));
        assertArrayEquals(((com.google.crypto.tink.aead.AeadKey) both.getAt(0).getKey()).getOutputPrefix().toByteArray(), Arrays.copyOf(c, 5));
        assertArrayEquals(new byte[10], open(chacha, a, null));
        assertArrayEquals(new byte[10], open(aes, c, null));
    }

    @ParameterizedTest
    @MethodSource("providers")
    void derivedKeysOpenWhatTheyOrTheOtherJitModesDerivedKeySealedAndNothingElse(CryptoProvider crypto) throws GeneralSecurityException {
        KeysetHandle both = KeysetHandle.newBuilder()
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.CHACHA20_POLY1305).withRandomId().makePrimary())
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId())
                .build();
        byte[] salt = ChunkerTest.random(1, 16);
        byte[] info = {'c'};
        byte[] plain = ChunkerTest.random(2, 10_000);
        for (boolean c2 : new boolean[] {true, false}) {
            JceAead sealing = JceAead.forKeyset(both, c2, crypto);
            byte[] sealed = seal(sealing.deriveForSealing(salt, info), plain, null);
            for (JceAead reader : new JceAead[] {JceAead.forKeyset(both, true, crypto), JceAead.forKeyset(both, false, crypto)}) {
                assertArrayEquals(plain, open(reader.deriveForOpening(salt, info, sealed, 0, sealed.length), sealed, null));
                assertArrayEquals(plain, open(reader.derive(salt, info), sealed, null));
                byte[] out = new byte[plain.length];
                assertThrows(GeneralSecurityException.class, () -> reader.open(sealed, 0, sealed.length, null, out, 0), "the base key");
                byte[] otherSalt = salt.clone();
                otherSalt[0] ^= 1;
                assertThrows(GeneralSecurityException.class, () -> reader.derive(otherSalt, info).open(sealed, 0, sealed.length, null, out, 0));
                assertThrows(GeneralSecurityException.class, () -> reader.derive(salt, new byte[] {'d'}).open(sealed, 0, sealed.length, null, out, 0));
            }
        }
    }

    @Test
    void leavesOtherKeyTypesToTink() throws GeneralSecurityException {
        CryptoProvider jdk = CryptoProvider.JDK;
        assertNull(JceAead.forKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.XCHACHA20_POLY1305), true, jdk));
        assertNull(JceAead.forKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_EAX), true, jdk));
        assertNotNull(JceAead.forKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.CHACHA20_POLY1305), true, jdk));
    }
}
