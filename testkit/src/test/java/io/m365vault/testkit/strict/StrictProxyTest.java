package io.m365vault.testkit.strict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.DownloadRetryOptions;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the proxy lets through arrives unchanged: bodies, sizes on HEAD, ranges, Azurite's own errors. */
class StrictProxyTest {

    @Test
    void forwardsRequestsAndAnswersUnchanged() {
        BlobContainerClient container = new BlobServiceClientBuilder().connectionString(StrictFixture.connectionString()).buildClient()
                .getBlobContainerClient("proxy-" + UUID.randomUUID());
        container.create();
        byte[] data = new byte[20 << 20];
        new Random(1).nextBytes(data);
        BlobClient blob = container.getBlobClient("packs/ab/one");
        blob.upload(BinaryData.fromBytes(data));

        assertEquals(data.length, blob.getProperties().getBlobSize());
        assertArrayEquals(data, blob.downloadContent().toBytes());
        ByteArrayOutputStream range = new ByteArrayOutputStream();
        blob.downloadStreamWithResponse(range, new BlobRange(1000, 24L), new DownloadRetryOptions(), null, false, null, null);
        assertArrayEquals(java.util.Arrays.copyOfRange(data, 1000, 1024), range.toByteArray());

        BlobStorageException missing = assertThrows(BlobStorageException.class, () -> container.getBlobClient("nothing").downloadContent());
        assertEquals(404, missing.getStatusCode());
        assertEquals("BlobNotFound", missing.getErrorCode().toString());
        assertFalse(container.getBlobClient("nothing").exists());
    }
}
