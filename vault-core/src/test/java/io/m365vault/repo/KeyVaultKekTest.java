package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.security.keyvault.keys.cryptography.CryptographyClient;
import com.azure.security.keyvault.keys.cryptography.CryptographyClientBuilder;
import com.azure.security.keyvault.keys.cryptography.models.KeyWrapAlgorithm;
import com.azure.security.keyvault.keys.models.JsonWebKey;
import com.azure.security.keyvault.keys.models.KeyOperation;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Drives the real Key Vault SDK over a local RSA key (the SDK performs wrap and unwrap in
 * process for a JsonWebKey). Its local RSA client has RSA-OAEP but not RSA-OAEP-256, so these
 * tests wrap with RSA-OAEP; the envelope, the recorded key id and the errors are the same.
 */
class KeyVaultKekTest {
    private static final String VAULT = "https://contoso-backup.vault.azure.net/keys/m365vault-kek";

    static CryptographyClient localClient(String kid) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        JsonWebKey jwk = JsonWebKey.fromRsa(g.generateKeyPair(), List.of(KeyOperation.WRAP_KEY, KeyOperation.UNWRAP_KEY))
                .setId(kid);
        return new CryptographyClientBuilder().jsonWebKey(jwk).buildClient();
    }

    static KeyVaultKek kek(String configuredId, CryptographyClient client) {
        return new KeyVaultKek(configuredId, client, KeyWrapAlgorithm.RSA_OAEP);
    }

    @Test
    void roundTripRecordsTheVersionedKeyId() throws Exception {
        CryptographyClient client = localClient(VAULT + "/v1");
        KeyVaultKek versionless = kek(VAULT, client);
        RepoKeys keys = RepoKeys.generate();
        byte[] blob = keys.wrap(versionless);
        assertTrue(new String(blob, StandardCharsets.ISO_8859_1).contains(VAULT + "/v1"));
        RepoKeys back = RepoKeys.unwrap(blob, kek(VAULT + "/v1", client));
        assertEquals(keys.chunkId(new byte[5], 0, 5), back.chunkId(new byte[5], 0, 5));
        assertEquals("keyvault:" + VAULT, versionless.describe());
    }

    @Test
    void payloadLargerThanRsaCanWrap() throws Exception {
        KeyVaultKek k = kek(VAULT, localClient(VAULT + "/v1"));
        byte[] big = ChunkerTest.random(5, 100_000);
        assertArrayEquals(big, k.unwrap(k.wrap(big)));
    }

    @Test
    void anotherVaultKeyIsWrongKey() throws Exception {
        RepoKeys keys = RepoKeys.generate();
        byte[] blob = keys.wrap(kek(VAULT, localClient(VAULT + "/v1")));
        String other = "https://contoso-backup.vault.azure.net/keys/other-kek";
        var e = assertThrows(WrongKeyException.class, () -> RepoKeys.unwrap(blob, kek(other, localClient(other + "/v9"))));
        assertTrue(e.getMessage().startsWith("the key keyvault:" + other + " does not open this repository's keys ("
                + keys.id() + "): they were sealed under Key Vault key " + VAULT + "/v1"), e.getMessage());
        var older = assertThrows(WrongKeyException.class,
                () -> RepoKeys.unwrap(blob, kek(VAULT + "/v2", localClient(VAULT + "/v2"))));
        assertTrue(older.getMessage().contains(VAULT + "/v1"), older.getMessage());
    }

    @Test
    void alteredEnvelopeIsCorrupt() throws Exception {
        CryptographyClient client = localClient(VAULT + "/v1");
        KeyVaultKek k = kek(VAULT, client);
        byte[] wrapped = k.wrap(new byte[64]);
        int idAndAlg = 4 + (VAULT + "/v1").length() + 4 + "RSA-OAEP".length();
        byte[] rsa = wrapped.clone();
        rsa[idAndAlg + 4 + 10] ^= 1; // inside the RSA-wrapped data key
        assertThrows(CorruptKeysException.class, () -> k.unwrap(rsa));
        byte[] box = wrapped.clone();
        box[box.length - 3] ^= 1; // inside the sealed payload
        assertThrows(CorruptKeysException.class, () -> k.unwrap(box));
        assertThrows(CorruptKeysException.class, () -> k.unwrap(java.util.Arrays.copyOf(wrapped, idAndAlg + 6)));
    }
}
