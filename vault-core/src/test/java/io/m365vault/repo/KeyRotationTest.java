package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.exception.HttpResponseException;
import com.azure.storage.blob.BlobClient;
import io.m365vault.testkit.AzuriteExtension;
import io.m365vault.testkit.AzuriteExtension.StorageAccount;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@link Repository#rotateKeys} on Azurite, for each kind of KEK. */
@ExtendWith(AzuriteExtension.class)
class KeyRotationTest {
    private static final byte[] PROBE = "the same data keys".getBytes();

    @TempDir
    Path tmp;

    private static BlobClient keyBlob(io.m365vault.repo.StorageAccount storage, String name, Repository repo) {
        return storage.blobs().getBlobContainerClient(name).getBlobClient("keys/" + repo.config().keyId());
    }

    /** The keys' chunk id of a probe: equal ids mean the same data keys, so every chunk still opens. */
    private static ChunkId probe(Repository repo) {
        return repo.keys().chunkId(PROBE, 0, PROBE.length);
    }

    @Test
    void keyVaultRewrapsUnderTheNewestVersionAndTheDataKeysStay(StorageAccount account) throws Exception {
        io.m365vault.repo.StorageAccount storage = TestRepos.storage(account);
        String name = TestRepos.freshName();
        try (LocalKeyVault vault = new LocalKeyVault()) {
            String v1 = vault.rotate("kek");
            Kek kek = new KeyVaultKek(LocalKeyVault.VAULT + "/keys/kek", vault::client);
            ChunkId before;
            try (Repository repo = Repository.init(storage, name, kek)) {
                before = probe(repo);
            }
            String v2 = vault.rotate("kek");

            KeyRotation r = Repository.rotateKeys(storage, name, kek);
            assertEquals("Key Vault key " + v1, r.before());
            assertEquals("Key Vault key " + v2, r.after());
            try (Repository repo = Repository.open(storage, name, kek)) {
                assertEquals(r.keysId(), repo.config().keyId());
                assertEquals(before, probe(repo));
                assertEquals("Key Vault key " + v2, RepoKeys.wrappedBy(keyBlob(storage, name, repo).downloadContent().toBytes(), kek));
            }
            assertEquals("POST " + v2.substring(LocalKeyVault.VAULT.length()) + "/unwrapkey",
                    vault.requests().stream().filter(q -> q.endsWith("/unwrapkey")).reduce((a, b) -> b).orElseThrow(),
                    "the open asked the newest version");
        }
    }

    @Test
    void aNewVersionThatCannotUnwrapIsNeverWrittenOver(StorageAccount account) throws Exception {
        io.m365vault.repo.StorageAccount storage = TestRepos.storage(account);
        String name = TestRepos.freshName();
        try (LocalKeyVault vault = new LocalKeyVault()) {
            vault.rotate("kek");
            Kek kek = new KeyVaultKek(LocalKeyVault.VAULT + "/keys/kek", vault::client);
            BlobClient blob;
            try (Repository repo = Repository.init(storage, name, kek)) {
                blob = keyBlob(storage, name, repo);
            }
            byte[] stored = blob.downloadContent().toBytes();
            vault.rotate("kek", false);
            var e = assertThrows(HttpResponseException.class, () -> Repository.rotateKeys(storage, name, kek));
            assertEquals(403, e.getResponse().getStatusCode());
            assertArrayEquals(stored, blob.downloadContent().toBytes());
            Repository.open(storage, name, kek).close();
        }
    }

    @Test
    void passphraseGetsAFreshSaltAndTheCurrentCost(StorageAccount account) {
        io.m365vault.repo.StorageAccount storage = TestRepos.storage(account);
        String name = TestRepos.freshName();
        PassphraseKek cheap = new PassphraseKek("passphrase-env:P", "pw", 256, 1, 1);
        ChunkId before;
        try (Repository repo = Repository.init(storage, name, cheap)) {
            before = probe(repo);
        }
        PassphraseKek current = new PassphraseKek("passphrase-env:P", "pw", 1024, 2, 1);
        KeyRotation r = Repository.rotateKeys(storage, name, current);
        assertTrue(r.before().startsWith("passphrase-env:P (Argon2id, 256 KiB, 1 passes, 1 lanes, salt "), r.before());
        assertTrue(r.after().startsWith("passphrase-env:P (Argon2id, 1024 KiB, 2 passes, 1 lanes, salt "), r.after());
        assertFalse(r.after().endsWith(r.before().substring(r.before().lastIndexOf(' '))), "a fresh salt");
        try (Repository repo = Repository.open(storage, name, cheap)) {
            assertEquals(before, probe(repo));
        }
    }

    @Test
    void keyFileRewrapsUnderTheSameKeyWithAFreshNonce(StorageAccount account) {
        io.m365vault.repo.StorageAccount storage = TestRepos.storage(account);
        String name = TestRepos.freshName();
        Kek kek = TestRepos.newKek(tmp);
        byte[] old;
        try (Repository repo = Repository.init(storage, name, kek)) {
            old = keyBlob(storage, name, repo).downloadContent().toBytes();
        }
        KeyRotation r = Repository.rotateKeys(storage, name, kek);
        assertEquals(r.before(), r.after());
        try (Repository repo = Repository.open(storage, name, kek)) {
            assertFalse(java.util.Arrays.equals(old, keyBlob(storage, name, repo).downloadContent().toBytes()));
        }
    }

    @Test
    void theWrongKekWritesNothingAndAConcurrentRewriteIsRefused(StorageAccount account) {
        io.m365vault.repo.StorageAccount storage = TestRepos.storage(account);
        String name = TestRepos.freshName();
        Kek kek = TestRepos.newKek(tmp);
        BlobClient blob;
        try (Repository repo = Repository.init(storage, name, kek)) {
            blob = keyBlob(storage, name, repo);
        }
        byte[] stored = blob.downloadContent().toBytes();
        assertThrows(WrongKeyException.class, () -> Repository.rotateKeys(storage, name, TestRepos.newKek(tmp)));
        assertArrayEquals(stored, blob.downloadContent().toBytes());

        BoundedBlob.Content read = BoundedBlob.read(blob, KeyBlobFields.MAX_BLOB, "the key blob");
        Repository.rotateKeys(storage, name, kek); // another rotation, between this one's read and write
        byte[] theirs = blob.downloadContent().toBytes();
        var e = assertThrows(RepositoryException.class, () -> KeyRotation.rewrap(blob, read, kek));
        assertTrue(e.getMessage().contains("changed while it was being re-wrapped"), e.getMessage());
        assertArrayEquals(theirs, blob.downloadContent().toBytes());
    }
}
