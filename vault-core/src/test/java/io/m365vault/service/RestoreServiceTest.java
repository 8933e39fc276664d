package io.m365vault.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.storage.queue.QueueClient;
import io.m365vault.backup.BackupOptions;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.repo.Repository;
import io.m365vault.testkit.AzuriteExtension;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(AzuriteExtension.class)
class RestoreServiceTest {
    @TempDir
    Path tmp;

    @Test
    void exportJobEndsAsAZipBehindADownloadLink(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(5).users(4).messagesPerFolder(3).build().start();
             Repository repo = ServiceFixture.repo(account, tmp)) {
            String user = BackupItemServiceTest.mailUser(sim).id;
            ProtectedItem item = new ProtectedItem("user", user);
            String run = TimeIds.next(Instant.now());
            PlannedItem planned = new PlannedItem(item, Set.of(Workload.MAIL, Workload.CONTACTS));
            new RunStore(repo.state()).create(run, Instant.now(), "test", new Plan(List.of(planned), List.of()));
            new BackupItemService(repo, ServiceFixture.graph(sim), BackupOptions.DEFAULTS,
                    ItemLease.container(ServiceFixture.storage(account)), Clock.systemUTC()).backup(run, planned);

            QueueClient queue = ServiceFixture.storage(account).queues().getQueueClient("rj" + Long.toHexString(System.nanoTime()));
            queue.create();
            // Stands still at the time of the backup until the test moves it past the export's window.
            StepClock clock = new StepClock(Instant.now());
            Duration window = Duration.ofDays(VaultSettings.DEFAULT_EXPORT_DAYS);
            com.azure.storage.blob.BlobContainerClient container = ServiceFixture.storage(account).blobs()
                    .getBlobContainerClient("exports" + Long.toHexString(System.nanoTime()));
            container.create();
            ExportStore exports = new ExportStore(container, window, clock);
            RestoreService restores = new RestoreService(repo, new ItemLookup(repo, ServiceFixture.graph(sim), Clock.systemUTC()),
                    new QueueSender(queue, 1), exports, clock);

            RestoreJob queued = restores.submit("{\"item\":\"" + item + "\",\"workloads\":[\"mail\",\"contacts\"]}");
            assertEquals("queued", queued.state());
            String message = QueueSender.decode(queue.receiveMessage().getBody().toString());
            assertEquals(queued.id(), RestoreService.jobOf(message));

            RestoreJob done = restores.run(queued.id());
            assertEquals("done", done.state(), done.error());
            assertEquals(done, restores.run(queued.id()), "a redelivered message changes nothing");
            restores.poisoned(queued.id(), "dequeued 5 times");
            assertEquals("done", restores.get(queued.id()).orElseThrow().state(), "a poisoned copy of a finished job changes nothing");
            RestoreJob stuck = restores.submit("{\"item\":\"" + item + "\"}");
            restores.poisoned(stuck.id(), "dequeued 5 times");
            RestoreJob gaveUp = restores.get(stuck.id()).orElseThrow();
            assertEquals("failed", gaveUp.state(), "a job the queue gave up on never stays queued");
            assertTrue(gaveUp.error().contains("gave up") && gaveUp.error().contains("dequeued 5 times"), gaveUp.error());
            RestoreJob seen = restores.get(queued.id()).orElseThrow();
            assertTrue(seen.linkExpires().isAfter(Instant.now().plus(Duration.ofMinutes(50))));
            HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(seen.link())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, zip.statusCode());
            assertEquals(seen.bytes(), zip.body().length);
            List<String> names = new ArrayList<>();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    names.add(e.getName());
                }
            }
            assertTrue(names.contains("manifest.json"), names.toString());
            assertTrue(names.stream().filter(n -> n.endsWith(".eml")).count() > 3, names.toString());
            assertTrue(names.stream().anyMatch(n -> n.startsWith("contacts/") && n.endsWith(".vcf")), names.toString());

            // Named by UPN, the job is recorded under the user's id, as a backup keeps it.
            String upn = sim.tenant().directory().user(user).userPrincipalName;
            assertEquals(item, restores.submit("{\"item\":\"user:" + upn + "\"}").request().item());
            queue.clearMessages();

            // Refused before anything is queued: a future time, a time before the first backup, an item never backed up.
            String future = Instant.now().plus(Duration.ofDays(1)).toString();
            InvalidRequestException ahead = assertThrows(InvalidRequestException.class,
                    () -> restores.submit("{\"item\":\"" + item + "\",\"at\":\"" + future + "\"}"));
            assertTrue(ahead.getMessage().startsWith("at " + future + " is in the future"), ahead.getMessage());
            NotFoundException early = assertThrows(NotFoundException.class,
                    () -> restores.submit("{\"item\":\"" + item + "\",\"at\":\"2001-01-01T00:00:00Z\"}"));
            assertTrue(early.getMessage().startsWith(item + " has nothing backed up at 2001-01-01T00:00:00Z, before its first backup (20"),
                    early.getMessage());
            NotFoundException never = assertThrows(NotFoundException.class, () -> restores.submit("{\"item\":\"user:never-backed-up\"}"));
            assertEquals("user:never-backed-up has nothing backed up", never.getMessage());
            assertEquals(null, queue.receiveMessage(), "nothing queued");
            assertEquals(Optional.empty(), restores.get("../" + queued.id()));
            assertEquals(Optional.empty(), restores.get(TimeIds.next(Instant.now())));

            // Browse the same backup.
            ItemBrowser browser = new ItemBrowser(repo);
            List<BrowseEntry> top = browser.list(item, Instant.now(), null);
            assertEquals(List.of("mail", "contacts"), top.stream().map(BrowseEntry::id).toList());
            List<BrowseEntry> folders = browser.list(item, Instant.now(), "mail");
            assertTrue(folders.stream().anyMatch(f -> f.name().equals("Inbox")), folders.toString());
            List<BrowseEntry> inbox = browser.list(item, Instant.now(), "mail/Inbox");
            assertTrue(inbox.stream().anyMatch(e -> e.kind().equals(ItemKind.MESSAGE) && e.size() > 0), inbox.toString());
            assertThrowsNotFound(() -> browser.list(item, Instant.now(), "mail/No such folder"));
            assertThrowsNotFound(() -> browser.list(item, Instant.parse("2001-01-01T00:00:00Z"), null));

            // The window ends: links end with it, then the job is expired (410 with why) and the sweep deletes the zip.
            Instant ends = clock.instant().plus(window);
            clock.set(ends.minus(Duration.ofMinutes(10)));
            assertEquals(ends, restores.get(queued.id()).orElseThrow().linkExpires(), "never valid past the window's end");
            clock.set(ends);
            RestoreJob expired = restores.get(queued.id()).orElseThrow();
            assertEquals("expired", expired.state());
            assertEquals(null, expired.link());
            assertTrue(expired.error().contains("expired at " + ends) && expired.error().contains("submit the restore again"),
                    expired.error());
            ApiHandler api = new ApiHandler(() -> restores, new RunStore(repo.state()), browser, new ItemSearch(repo),
                    new ItemLookup(repo, ServiceFixture.graph(sim), Clock.systemUTC()), new Inventory(repo.state()), Clock.systemUTC());
            ApiResponse gone = api.restore(queued.id());
            assertEquals(410, gone.status(), gone.json());
            assertTrue(gone.json().contains("expired at"), gone.json());
            com.azure.storage.blob.BlobClient zipBlob = container.getBlobClient(done.blob());
            assertTrue(zipBlob.exists());
            assertEquals(1, restores.expireExports());
            assertTrue(!zipBlob.exists(), "the sweep deletes the zip whose window has ended");
        }
    }

    @Test
    void aFilesExportJobZipsTheFolderAskedForByteForByte(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(6).users(4).groups(3).filesPerDrive(20).build().start();
             Repository repo = ServiceFixture.repo(account, tmp)) {
            String group = sim.tenant().directory().groups().stream().filter(g -> g.unified).findFirst().orElseThrow().id;
            ProtectedItem item = new ProtectedItem("group", group);
            String run = TimeIds.next(Instant.now());
            PlannedItem planned = new PlannedItem(item, Set.of(Workload.FILES));
            new RunStore(repo.state()).create(run, Instant.now(), "test", new Plan(List.of(planned), List.of()));
            new BackupItemService(repo, ServiceFixture.graph(sim), BackupOptions.DEFAULTS,
                    ItemLease.container(ServiceFixture.storage(account)), Clock.systemUTC()).backup(run, planned);
            QueueClient queue = ServiceFixture.storage(account).queues().getQueueClient("rf" + Long.toHexString(System.nanoTime()));
            queue.create();
            RestoreService restores = new RestoreService(repo, new ItemLookup(repo, ServiceFixture.graph(sim), Clock.systemUTC()),
                    new QueueSender(queue, 1), ExportStore.open(ServiceFixture.storage(account), Duration.ofDays(7), Clock.systemUTC()),
                    Clock.systemUTC());

            RestoreJob queued = restores.submit("{\"item\":\"" + item + "\",\"path\":\"Documents/Documents\"}");
            RestoreJob done = restores.run(queued.id());
            assertEquals("done", done.state(), done.error());
            java.util.Map<String, String> expected = new java.util.TreeMap<>();
            for (var f : sim.snapshot(group).path("files")) {
                if (f.get("path").asText().startsWith("/Documents/")) {
                    expected.put("files/Documents" + f.get("path").asText(), f.get("sha256").asText());
                }
            }
            assertTrue(expected.size() > 2, expected.toString());
            RestoreJob seen = restores.get(queued.id()).orElseThrow();
            HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(seen.link())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            java.util.Map<String, String> got = new java.util.TreeMap<>();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
                for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                    if (!e.isDirectory() && e.getName().startsWith("files/")) {
                        got.put(e.getName(), java.util.HexFormat.of().formatHex(
                                java.security.MessageDigest.getInstance("SHA-256").digest(in.readAllBytes())));
                    }
                }
            }
            assertEquals(expected, got);
        }
    }

    private static void assertThrowsNotFound(org.junit.jupiter.api.function.Executable e) {
        org.junit.jupiter.api.Assertions.assertThrows(NotFoundException.class, e);
    }
}
