package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import io.m365vault.testkit.AzuriteExtension;
import io.m365vault.testkit.AzuriteExtension.StorageAccount;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@link Repository#open} reads the config and key blobs through {@link BoundedBlob}, on Azurite. */
@ExtendWith(AzuriteExtension.class)
class BoundedBlobTest {
    @TempDir
    Path tmp;

    @Test
    void boundedReadsOfConfigAndKeyBlob(StorageAccount account) {
        io.m365vault.repo.StorageAccount storage = TestRepos.storage(account);
        String name = TestRepos.freshName();
        Kek kek = TestRepos.newKek(tmp);
        BlobClient keys;
        try (Repository repo = Repository.init(storage, name, kek)) {
            keys = storage.blobs().getBlobContainerClient(name).getBlobClient("keys/" + repo.config().keyId());
        }
        BlobClient config = storage.blobs().getBlobContainerClient(name).getBlobClient("config");
        byte[] json = config.downloadContent().toBytes();
        byte[] stored = keys.downloadContent().toBytes();

        // Valid JSON still, only swollen: the download stops at the bound, the parser never sees it.
        byte[] padded = (new String(json).replaceFirst("\\{", "{" + " ".repeat(1 << 20))).getBytes();
        config.upload(BinaryData.fromBytes(padded), true);
        var big = assertThrows(RepositoryException.class, () -> Repository.open(storage, name, kek));
        assertEquals("the config blob of " + name + " is " + padded.length + " bytes, more than it can hold (65536; corrupt)",
                big.getMessage());
        config.upload(BinaryData.fromBytes(new byte[0]), true);
        var empty = assertThrows(RepositoryException.class, () -> Repository.open(storage, name, kek));
        assertTrue(empty.getMessage().contains("corrupt"), empty.getMessage());
        config.upload(BinaryData.fromBytes(json), true);

        keys.upload(BinaryData.fromBytes(new byte[KeyBlobFields.MAX_BLOB + 1]), true);
        var bigKeys = assertThrows(RepositoryException.class, () -> Repository.open(storage, name, kek));
        assertTrue(bigKeys.getMessage().endsWith(" blob of " + name + " is 65537 bytes, more than it can hold (65536; corrupt)"),
                bigKeys.getMessage());
        assertNull(BoundedBlob.read(storage.blobs().getBlobContainerClient(name).getBlobClient("keys/none"), 10, "none"));
        keys.upload(BinaryData.fromBytes(stored), true);
        Repository.open(storage, name, kek).close();
    }
}
