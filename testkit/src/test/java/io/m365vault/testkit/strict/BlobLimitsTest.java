package io.m365vault.testkit.strict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.BlobServiceVersion;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.specialized.BlockBlobClient;
import io.m365vault.testkit.AzuriteProcess;
import io.m365vault.testkit.StrictAzurite;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Block blob limits. The documented sizes (GiB) cannot be sent just inside on this machine, so
 * "just inside" runs against a proxy with the same rules scaled down; "just past" runs against
 * the real limits too, where the proxy refuses on the headers before any body is read.
 */
class BlobLimitsTest {
    private static final long MIB = 1024L * 1024;
    private StrictProxy scaled;
    private BlobContainerClient strict;
    private BlobContainerClient small;

    @BeforeEach
    void containers() {
        StrictAzurite azurite = StrictFixture.azurite();
        scaled = StrictProxy.start(azurite.azurite().blobPort(), new BlobRules(v -> new BlobRules.Limits(MIB, 256 * 1024, 64 * 1024, 4)));
        String name = "strict-" + UUID.randomUUID();
        strict = new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient().getBlobContainerClient(name);
        strict.create();
        String scaledConnection = AzuriteProcess.connectionString(scaled.port(), azurite.azurite().queuePort(), azurite.azurite().tablePort());
        small = new BlobServiceClientBuilder().connectionString(scaledConnection).buildClient().getBlobContainerClient(name);
    }

    @AfterEach
    void stop() {
        scaled.close();
    }

    @Test
    void theSdksApiVersionHasTheLargeLimits() {
        String version = BlobServiceVersion.getLatest().getVersion();
        assertEquals(new BlobRules.Limits(5000 * MIB, 4000 * MIB, 4 * MIB, 50_000), BlobRules.documented(version));
        assertEquals(new BlobRules.Limits(256 * MIB, 100 * MIB, 4 * MIB, 50_000), BlobRules.documented("2019-07-07"));
        assertEquals(new BlobRules.Limits(64 * MIB, 4 * MIB, 4 * MIB, 50_000), BlobRules.documented("2015-12-11"));
    }

    @Test
    void aPutBlobPastTheLimitIsRefused() {
        small.getBlobClient("a").getBlockBlobClient().upload(BinaryData.fromBytes(new byte[(int) MIB]));
        refused(413, "RequestBodyTooLarge", () -> small.getBlobClient("b").getBlockBlobClient().upload(BinaryData.fromBytes(new byte[(int) MIB + 1])));
        BlockBlobClient huge = strict.getBlobClient("huge").getBlockBlobClient();
        refused(413, "RequestBodyTooLarge", () -> huge.upload(zeros(5000 * MIB + 1), 5000 * MIB + 1));
    }

    @Test
    void aBlockPastTheLimitIsRefused() {
        BlockBlobClient blob = small.getBlobClient("c").getBlockBlobClient();
        blob.stageBlock(blockId(0), BinaryData.fromBytes(new byte[256 * 1024]));
        refused(413, "RequestBodyTooLarge", () -> blob.stageBlock(blockId(1), BinaryData.fromBytes(new byte[256 * 1024 + 1])));
        BlockBlobClient huge = strict.getBlobClient("huge").getBlockBlobClient();
        refused(413, "RequestBodyTooLarge", () -> huge.stageBlock(blockId(0), zeros(4000 * MIB + 1), 4000 * MIB + 1));
    }

    @Test
    void aBlockListPastTheBlockCountIsRefused() {
        BlockBlobClient blob = small.getBlobClient("d").getBlockBlobClient();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(blockId(i));
            blob.stageBlock(blockId(i), BinaryData.fromString("b" + i));
        }
        refused(409, "BlockCountExceedsLimit", () -> blob.commitBlockList(ids));
        blob.commitBlockList(ids.subList(0, 4));
        assertEquals("b0b1b2b3", blob.downloadContent().toString());
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 50_001; i++) {
            tooMany.add(blockId(i));
        }
        refused(409, "BlockCountExceedsLimit", () -> strict.getBlobClient("e").getBlockBlobClient().commitBlockList(tooMany));
    }

    private static String blockId(int i) {
        return Base64.getEncoder().encodeToString(String.format("%08d", i).getBytes(StandardCharsets.US_ASCII));
    }

    /** A stream of zeros that costs no memory: the proxy refuses it on its Content-Length alone. */
    private static InputStream zeros(long length) {
        return new InputStream() {
            private long left = length;
            private long marked = length;

            // The SDK marks the stream to replay it on a retry.
            @Override
            public boolean markSupported() {
                return true;
            }

            @Override
            public synchronized void mark(int limit) {
                marked = left;
            }

            @Override
            public synchronized void reset() {
                left = marked;
            }

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }

    private static void refused(int status, String code, Executable call) {
        BlobStorageException e = assertThrows(BlobStorageException.class, call);
        assertEquals(status, e.getStatusCode(), e.getMessage());
        assertEquals(code, e.getErrorCode().toString(), e.getMessage());
    }
}
