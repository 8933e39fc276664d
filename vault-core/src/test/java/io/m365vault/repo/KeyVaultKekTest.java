package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Key Vault SDK against {@link LocalKeyVault}: RSA-OAEP-256, key versions, rotation. */
class KeyVaultKekTest {
    private static final String NAME = "m365vault-kek";
    private static final String KEY = LocalKeyVault.VAULT + "/keys/" + NAME;

    private LocalKeyVault vault;

    @BeforeEach
    void start() throws Exception {
        vault = new LocalKeyVault();
    }

    @AfterEach
    void stop() {
        vault.close();
    }

    private KeyVaultKek kek(String configuredId) {
        return new KeyVaultKek(configuredId, vault::client);
    }

    private static String path(String keyId) {
        return keyId.substring(LocalKeyVault.VAULT.length());
    }

    private List<String> unwrapCalls() {
        return vault.requests().stream().filter(r -> r.endsWith("/unwrapkey")).toList();
    }

    @Test
    void wrapsWithTheNewestVersionAndRecordsIt() throws Exception {
        String v1 = vault.rotate(NAME);
        RepoKeys keys = RepoKeys.generate();
        byte[] blob = keys.wrap(kek(KEY));
        assertTrue(new String(blob, StandardCharsets.ISO_8859_1).contains(v1));
        assertEquals("Key Vault key " + v1, RepoKeys.wrappedBy(blob, kek(KEY)));
        assertTrue(vault.requests().contains("POST " + path(v1) + "/wrapkey"), vault.requests().toString());
        RepoKeys back = RepoKeys.unwrap(blob, kek(KEY));
        assertEquals(keys.chunkId(new byte[5], 0, 5), back.chunkId(new byte[5], 0, 5));
        assertEquals("keyvault:" + KEY, kek(KEY).describe());
    }

    @Test
    void afterRotationOldWrapsUnwrapWithTheirVersionAndNewWrapsUseTheNewest() throws Exception {
        String v1 = vault.rotate(NAME);
        byte[] old = kek(KEY).wrap("keys of v1".getBytes());
        String v2 = vault.rotate(NAME);
        byte[] fresh = kek(KEY).wrap("keys of v2".getBytes());
        assertEquals("Key Vault key " + v2, kek(KEY).wrappedBy(fresh));

        assertArrayEquals("keys of v1".getBytes(), kek(KEY).unwrap(old));
        assertEquals(List.of("POST " + path(v1) + "/unwrapkey"), unwrapCalls());
        assertArrayEquals("keys of v2".getBytes(), kek(KEY).unwrap(fresh));
        assertEquals("POST " + path(v2) + "/unwrapkey", unwrapCalls().get(1));
        // A configured version is another version of the same key: it opens what v1 wrapped, and wraps with itself.
        assertArrayEquals("keys of v1".getBytes(), kek(v2).unwrap(old));
        assertEquals("Key Vault key " + v1, kek(v1).wrappedBy(kek(v1).wrap(new byte[3])));
    }

    @Test
    void aPurgedVersionIsNamedNotReportedAsCorruption() throws Exception {
        String v1 = vault.rotate(NAME);
        byte[] old = kek(KEY).wrap(new byte[8]);
        vault.rotate(NAME);
        vault.purge(v1);
        var e = assertThrows(RepositoryException.class, () -> kek(KEY).unwrap(old));
        assertEquals("Key Vault has no key " + v1 + ", which wrapped this repository's keys: was that version deleted?", e.getMessage());
    }

    @Test
    void payloadLargerThanRsaCanWrap() throws Exception {
        vault.rotate(NAME);
        KeyVaultKek k = kek(KEY);
        byte[] big = ChunkerTest.random(5, 20_000);
        assertArrayEquals(big, k.unwrap(k.wrap(big)));
    }

    @Test
    void anotherVaultKeyIsWrongKey() throws Exception {
        String v1 = vault.rotate(NAME);
        vault.rotate("other-kek");
        RepoKeys keys = RepoKeys.generate();
        byte[] blob = keys.wrap(kek(KEY));
        String other = LocalKeyVault.VAULT + "/keys/other-kek";
        var e = assertThrows(WrongKeyException.class, () -> RepoKeys.unwrap(blob, kek(other)));
        assertEquals("the key keyvault:" + other + " does not open this repository's keys (" + keys.id()
                + "): they were sealed under Key Vault key " + v1, e.getMessage());
        assertEquals(List.of(), unwrapCalls());
    }

    /** The fields of an envelope, to write altered ones. */
    private record Envelope(String keyId, String alg, byte[] wrappedKey, byte[] box) {
        static Envelope of(byte[] wrapped) {
            KeyBlobFields.Reader r = new KeyBlobFields.Reader(wrapped);
            return new Envelope(r.text(), r.text(), r.bytes(), r.raw(r.remaining()));
        }

        byte[] bytes() {
            return new KeyBlobFields.Writer().text(keyId).text(alg).bytes(wrappedKey).raw(box).toBytes();
        }
    }

    @Test
    void theAlgorithmIsPinnedNotTakenFromTheBlob() throws Exception {
        vault.rotate(NAME);
        Envelope e = Envelope.of(kek(KEY).wrap(new byte[64]));
        byte[] rsa15 = new Envelope(e.keyId(), "RSA1_5", e.wrappedKey(), e.box()).bytes();
        var refused = assertThrows(CorruptKeysException.class, () -> kek(KEY).unwrap(rsa15));
        assertEquals("the repository's key blob is corrupt: its data key is wrapped with 'RSA1_5'; only RSA-OAEP-256 is unwrapped",
                refused.getMessage());
        assertEquals(List.of(), unwrapCalls(), "refused before asking Key Vault");
    }

    @Test
    void aRecordedIdOutsideTheConfiguredKeyIsNeverCalled() throws Exception {
        vault.rotate(NAME);
        Envelope e = Envelope.of(kek(KEY).wrap(new byte[64]));
        String elsewhere = "https://attacker.example.net/keys/" + NAME + "/0123";
        byte[] moved = new Envelope(elsewhere, e.alg(), e.wrappedKey(), e.box()).bytes();
        assertThrows(KekMismatchException.class, () -> kek(KEY).unwrap(moved));
        byte[] noVersion = new Envelope(KEY, e.alg(), e.wrappedKey(), e.box()).bytes();
        var corrupt = assertThrows(CorruptKeysException.class, () -> kek(KEY).unwrap(noVersion));
        assertTrue(corrupt.getMessage().contains("without a valid version"), corrupt.getMessage());
        byte[] notAnId = new Envelope("keys/../../secrets/x", e.alg(), e.wrappedKey(), e.box()).bytes();
        assertThrows(CorruptKeysException.class, () -> kek(KEY).unwrap(notAnId));
        assertEquals(List.of(), unwrapCalls());
    }

    @Test
    void alteredEnvelopeIsCorrupt() throws Exception {
        vault.rotate(NAME);
        KeyVaultKek k = kek(KEY);
        byte[] wrapped = k.wrap(new byte[64]);
        Envelope e = Envelope.of(wrapped);
        byte[] rsa = e.wrappedKey().clone();
        rsa[10] ^= 1;
        var refused = assertThrows(CorruptKeysException.class, () -> k.unwrap(new Envelope(e.keyId(), e.alg(), rsa, e.box()).bytes()));
        assertTrue(refused.getMessage().contains("refuses to unwrap its data key"), refused.getMessage());
        byte[] box = wrapped.clone();
        box[box.length - 3] ^= 1; // inside the sealed payload
        assertThrows(CorruptKeysException.class, () -> k.unwrap(box));
        assertThrows(CorruptKeysException.class, () -> k.unwrap(Arrays.copyOf(wrapped, wrapped.length - e.box().length - 20)));
    }
}
