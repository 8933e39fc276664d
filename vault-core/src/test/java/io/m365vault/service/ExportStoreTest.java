package io.m365vault.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.core.util.BinaryData;
import io.m365vault.testkit.AzuriteExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(AzuriteExtension.class)
class ExportStoreTest {
    private static final Duration DAY = Duration.ofDays(1);

    @TempDir
    Path tmp;

    @Test
    void aLinkNeverReachesPastTheExportsWindow(AzuriteExtension.StorageAccount account) throws Exception {
        StepClock clock = new StepClock(Instant.now());
        Instant t0 = clock.instant();
        ExportStore store = new ExportStore(container(account), DAY, clock);
        ExportStore.Stored stored = store.upload("job/a.zip", exportDir());
        assertEquals(t0.plus(DAY), stored.expires(), "the window starts when the upload starts");

        assertEquals(t0.plus(ExportStore.LINK_LIFETIME), store.link("job/a.zip", stored.expires()).orElseThrow().expires());
        clock.set(stored.expires().minus(Duration.ofMinutes(10)));
        assertEquals(stored.expires(), store.link("job/a.zip", stored.expires()).orElseThrow().expires(),
                "ten minutes before the window ends, a link lasts ten minutes, not an hour");
        clock.set(stored.expires());
        assertEquals(Optional.empty(), store.link("job/a.zip", stored.expires()), "no link once the window has ended");
    }

    @Test
    void storageRefusesTheLinkOnceTheWindowHasEnded(AzuriteExtension.StorageAccount account) throws Exception {
        // Real time: Azurite checks the SAS expiry against its own clock.
        ExportStore store = new ExportStore(container(account), Duration.ofSeconds(3), Clock.systemUTC());
        ExportStore.Stored stored = store.upload("job/b.zip", exportDir());
        ExportStore.Link link = store.link("job/b.zip", stored.expires()).orElseThrow();
        assertEquals(stored.expires(), link.expires());
        assertEquals(200, get(link.url()));
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), stored.expires()).toMillis()) + 2_000);
        assertEquals(403, get(link.url()), "a link made inside the window stops working when the window ends");
    }

    @Test
    void theSweepDeletesEveryExportWhoseWindowHasEnded(AzuriteExtension.StorageAccount account) throws Exception {
        // The store's clock starts an hour behind real time, so the blob written without metadata
        // (created now, by storage's clock) falls between the two uploads.
        StepClock clock = new StepClock(Instant.now().minus(Duration.ofHours(1)));
        Instant t0 = clock.instant();
        BlobContainerClient container = container(account);
        ExportStore store = new ExportStore(container, DAY, clock);
        store.upload("job1/a.zip", exportDir());
        clock.advance(Duration.ofHours(2));
        store.upload("job2/b.zip", exportDir());
        // No window in its metadata (written by hand or by an older version): counted from its creation.
        container.getBlobClient("job0/old.zip").upload(BinaryData.fromString("old"));

        clock.set(t0.plus(DAY).minusSeconds(1));
        assertEquals(0, store.sweep());
        clock.set(t0.plus(DAY));
        assertEquals(1, store.sweep());
        assertFalse(container.getBlobClient("job1/a.zip").exists());
        assertTrue(container.getBlobClient("job0/old.zip").exists());
        clock.set(t0.plus(DAY).plus(Duration.ofMinutes(90)));
        assertEquals(1, store.sweep());
        assertFalse(container.getBlobClient("job0/old.zip").exists(), "created an hour after t0, deleted a day later");
        assertTrue(container.getBlobClient("job2/b.zip").exists());
        clock.set(t0.plus(DAY).plus(Duration.ofHours(2)));
        assertEquals(1, store.sweep());
        assertFalse(container.getBlobClient("job2/b.zip").exists());
        assertEquals(0, store.sweep());
    }

    private static BlobContainerClient container(AzuriteExtension.StorageAccount account) {
        BlobContainerClient c = ServiceFixture.storage(account).blobs().getBlobContainerClient("ex" + Long.toHexString(System.nanoTime()));
        c.create();
        return c;
    }

    private Path exportDir() throws Exception {
        Path dir = Files.createTempDirectory(tmp, "export");
        Files.writeString(dir.resolve("manifest.json"), "{}");
        return dir;
    }

    private static int get(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
