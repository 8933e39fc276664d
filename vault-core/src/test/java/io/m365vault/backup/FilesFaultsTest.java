package io.m365vault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365vault.backup.ItemResult.WorkloadResult;
import io.m365vault.graph.GraphReader;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.repo.Repository;
import io.m365vault.testkit.AzuriteExtension;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Drive faults through graph-sim and the real SDK into Azurite: expired delta tokens, cut and expired downloads, bytes that do not match, malware, a notebook that never downloads. */
@ExtendWith(AzuriteExtension.class)
class FilesFaultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;

    private Repository repo(AzuriteExtension.StorageAccount account) throws Exception {
        return SimTenant.repo(account, tmp, "ff");
    }

    private static long nonEmptyFiles(GraphSim sim, String owner) {
        return StreamSupport.stream(sim.snapshot(owner).path("files").spliterator(), false).filter(f -> f.get("size").asLong() > 0).count();
    }

    @Test
    void aDeltaThatExpiresMidRunIsEnumeratedAgainWithoutDownloadingAnythingTwice(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(31).users(6).filesPerDrive(30).build().start(); Repository repo = repo(account)) {
            ProtectedItem item = new ProtectedItem("user", SimDrives.driveUser(sim));
            GraphReader real = SimTenant.reader(sim, 5);
            AtomicInteger deltaPages = new AtomicInteger();
            GraphReader expiring = new PassThroughGraph(real) {
                @Override
                public JsonNode get(String pathOrUrl) throws IOException {
                    if (pathOrUrl.contains("delta") && deltaPages.incrementAndGet() == 3) {
                        sim.expireDeltaTokens(); // the third page's link is now as good as an expired one
                    }
                    return real.get(pathOrUrl);
                }
            };
            Instant t1 = Instant.now();
            WorkloadResult full = new ItemBackup(repo, expiring, BackupOptions.DEFAULTS)
                    .run("r1", t1, item, Set.of(Workload.FILES)).workloads().get(Workload.FILES);
            assertEquals(WorkloadResult.Outcome.DONE, full.outcome(), full.reason());
            assertEquals(1, full.stats().resyncs(), full.stats().toString());
            SimDrives.assertSameFiles(SimDrives.simFiles(sim, item.id()), SimDrives.backedUpFiles(repo, item, t1));
            assertEquals(nonEmptyFiles(sim, item.id()), full.stats().contentFetched(),
                    "the files of the pages before the 410 are not downloaded again: " + full.stats());

            // An incremental whose stored delta link has expired: the drive is listed again, and only what changed is fetched.
            var counts = sim.mutate(4, 0.2, "files");
            sim.expireDeltaTokens();
            Instant t2 = t1.plusSeconds(60);
            WorkloadResult incr = new ItemBackup(repo, real, BackupOptions.DEFAULTS)
                    .run("r2", t2, item, Set.of(Workload.FILES)).workloads().get(Workload.FILES);
            assertEquals(1, incr.stats().resyncs(), incr.stats().toString());
            SimDrives.assertSameFiles(SimDrives.simFiles(sim, item.id()), SimDrives.backedUpFiles(repo, item, t2));
            assertTrue(incr.stats().contentFetched() <= counts.path("files").path("edited").asInt() + counts.path("files").path("added").asInt(),
                    "a resync downloads only new content: " + incr.stats() + " after " + counts);
        }
    }

    @Test
    void aDownloadCutMidwayWhoseUrlHasExpiredGoesOnFromAFreshUrl(AzuriteExtension.StorageAccount account) throws Exception {
        // One file to download: the large one (file 0 of each drive is empty).
        try (GraphSim sim = GraphSim.builder().seed(32).users(6).filesPerDrive(1).set("large-file-mb", "6").build().start();
             Repository repo = repo(account)) {
            ProtectedItem item = new ProtectedItem("user", SimDrives.driveUser(sim));
            assertEquals(1, nonEmptyFiles(sim, item.id()));
            // The download is cut at half; asking again with Range on the same URL finds it expired (401).
            sim.faults(JSON.readTree("{\"inject\":[{\"path\":\"download.aspx\",\"reset\":true,\"count\":1},"
                    + "{\"path\":\"download.aspx\",\"status\":401,\"code\":\"unauthenticated\",\"count\":1}]}"));
            Instant t = Instant.now();
            WorkloadResult r = new ItemBackup(repo, SimTenant.reader(sim, 50), BackupOptions.DEFAULTS)
                    .run("r", t, item, Set.of(Workload.FILES)).workloads().get(Workload.FILES);
            assertEquals(0, r.stats().failed(), r.faults().toString());
            SimDrives.assertSameFiles(SimDrives.simFiles(sim, item.id()), SimDrives.backedUpFiles(repo, item, t));
            JsonNode stats = sim.stats();
            assertEquals(1, stats.path("resets").asInt(), stats.toString());
            assertEquals(1, stats.path("perStatus").path("401").asInt(), stats.toString());
            assertEquals(6L << 20, r.stats().bytesFetched(), r.stats().toString());
            assertTrue(stats.path("bytesServed").asLong() < (6L << 20) * 3 / 2 + (1 << 20),
                    "the fresh URL is asked from the byte reached, not from the start: " + stats);
        }
    }

    @Test
    void bytesThatDoNotMatchTheQuickXorHashAreAFailedItemAndRetried(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(33).users(6).filesPerDrive(12).build().start(); Repository repo = repo(account)) {
            ProtectedItem item = new ProtectedItem("user", SimDrives.driveUser(sim));
            GraphReader real = SimTenant.reader(sim, 50);
            String victim = StreamSupport.stream(sim.snapshot(item.id()).path("files").spliterator(), false)
                    .filter(f -> f.get("size").asLong() > 1000).findFirst().orElseThrow().get("id").asText();
            AtomicBoolean corrupt = new AtomicBoolean(true);
            GraphReader flipping = new PassThroughGraph(real) {
                @Override
                public InputStream open(String pathOrUrl, long from) throws IOException {
                    InputStream in = real.open(pathOrUrl, from);
                    return corrupt.get() && pathOrUrl.contains(victim) ? flipFirstByte(in) : in;
                }
            };
            ItemBackup backup = new ItemBackup(repo, flipping, BackupOptions.DEFAULTS);
            Instant t1 = Instant.now();
            WorkloadResult first = backup.run("r1", t1, item, Set.of(Workload.FILES)).workloads().get(Workload.FILES);
            assertEquals(WorkloadResult.Outcome.DONE, first.outcome(), first.reason());
            assertEquals(1, first.faults().size(), first.faults().toString());
            assertEquals(victim, first.faults().get(0).itemId());
            assertTrue(first.faults().get(0).reason().contains("quickXorHash"), first.faults().get(0).reason());
            Map<String, String> expected = SimDrives.simFiles(sim, item.id());
            Map<String, String> got = SimDrives.backedUpFiles(repo, item, t1);
            assertEquals(expected.size() - 1, got.size(), "every file but the bad one is backed up: " + got.keySet());
            got.forEach((path, sha) -> assertEquals(expected.get(path), sha, path));

            corrupt.set(false);
            Instant t2 = t1.plusSeconds(60);
            WorkloadResult second = backup.run("r2", t2, item, Set.of(Workload.FILES)).workloads().get(Workload.FILES);
            assertEquals(0, second.faults().size(), second.faults().toString());
            assertEquals(1, second.stats().contentFetched(), "the failed file is fetched again by id, nothing else: " + second.stats());
            SimDrives.assertSameFiles(expected, SimDrives.backedUpFiles(repo, item, t2));
        }
    }

    @Test
    void aFileWithMalwareIsReportedAndTheRestBackedUp(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(34).users(6).filesPerDrive(10).build().start(); Repository repo = repo(account)) {
            ProtectedItem item = new ProtectedItem("user", SimDrives.driveUser(sim));
            var drive = sim.tenant().drive(sim.tenant().sites().userDriveId(item.id()));
            String infected;
            synchronized (drive) {
                var f = drive.liveFiles().stream().filter(x -> x.size() > 0).findFirst().orElseThrow();
                f.malware = true;
                infected = f.id();
            }
            Instant t = Instant.now();
            WorkloadResult r = new ItemBackup(repo, SimTenant.reader(sim, 50), BackupOptions.DEFAULTS)
                    .run("r", t, item, Set.of(Workload.FILES)).workloads().get(Workload.FILES);
            assertEquals(WorkloadResult.Outcome.DONE, r.outcome(), r.reason());
            assertEquals(1, r.faults().size(), r.faults().toString());
            assertEquals(infected, r.faults().get(0).itemId());
            assertTrue(r.faults().get(0).reason().startsWith("malware detected"), r.faults().get(0).reason());
            Map<String, String> expected = SimDrives.simFiles(sim, item.id());
            Map<String, String> got = SimDrives.backedUpFiles(repo, item, t);
            assertEquals(expected.size() - 1, got.size());
            got.forEach((path, sha) -> assertEquals(expected.get(path), sha, path));
            assertEquals(0, sim.stats().path("perStatus").path("403").asInt(), "its content is never asked for");
        }
    }

    @Test
    void aNotebookWhoseContentAnswers503ForEverIsReportedRetriedNextRunAndTheRestBackedUp(AzuriteExtension.StorageAccount account)
            throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(35).users(6).filesPerDrive(8).set("notebooks-per-drive", "2").build().start();
             Repository repo = repo(account)) {
            ProtectedItem item = new ProtectedItem("user", SimDrives.driveUser(sim));
            var drive = sim.tenant().drive(sim.tenant().sites().userDriveId(item.id()));
            String book;
            Set<String> parts;
            synchronized (drive) {
                var b = drive.byKey.values().stream().filter(x -> x.packageType != null).findFirst().orElseThrow();
                book = b.id();
                parts = drive.children(b).stream().map(x -> x.id()).collect(Collectors.toSet());
            }
            assertEquals(3, parts.size());
            sim.faults(JSON.createObjectNode().set("unavailableItems", JSON.createArrayNode().add(book)));
            GraphReader graph = SimTenant.reader(sim, 50);
            ItemBackup backup = new ItemBackup(repo, graph, BackupOptions.DEFAULTS);
            Instant t1 = Instant.now();
            WorkloadResult first = backup.run("r1", t1, item, Set.of(Workload.FILES)).workloads().get(Workload.FILES);
            assertEquals(WorkloadResult.Outcome.DONE, first.outcome(), first.reason());
            assertEquals(parts, first.faults().stream().map(f -> f.itemId()).collect(Collectors.toSet()),
                    "the notebook's parts, and nothing else, are the run's failed items: " + first.faults());
            first.faults().forEach(f -> assertTrue(f.reason().contains("503"), f.reason()));
            Map<String, String> expected = SimDrives.simFiles(sim, item.id());
            Map<String, String> got = SimDrives.backedUpFiles(repo, item, t1);
            assertEquals(expected.size() - parts.size(), got.size(), "every file but the notebook's is backed up: " + got.keySet());
            got.forEach((path, sha) -> assertEquals(expected.get(path), sha, path));
            assertTrue(got.keySet().stream().anyMatch(p -> p.endsWith(".one")), "the other notebook is backed up as its files: " + got.keySet());
            assertTrue(repo.catalog().at(item.partition(Workload.FILES), t1).stream().anyMatch(e -> e.itemId().equals(book)),
                    "the failed notebook itself is in the catalog, as the folder of its parts");

            sim.faults(JSON.createObjectNode().set("unavailableItems", JSON.createArrayNode()));
            Instant t2 = t1.plusSeconds(60);
            WorkloadResult second = backup.run("r2", t2, item, Set.of(Workload.FILES)).workloads().get(Workload.FILES);
            assertEquals(0, second.faults().size(), second.faults().toString());
            assertEquals(parts.size(), second.stats().contentFetched(), "the failed parts are fetched again by id, nothing else: " + second.stats());
            SimDrives.assertSameFiles(expected, SimDrives.backedUpFiles(repo, item, t2));
        }
    }

    private static InputStream flipFirstByte(InputStream in) {
        return new FilterInputStream(in) {
            private boolean flipped;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0 && !flipped) {
                    b[off] ^= 1;
                    flipped = true;
                }
                return n;
            }
        };
    }
}
