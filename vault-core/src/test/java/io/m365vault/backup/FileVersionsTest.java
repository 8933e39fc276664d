package io.m365vault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.backup.ItemResult.WorkloadResult;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.graphsim.drive.Drive;
import io.m365vault.graphsim.drive.DriveItem;
import io.m365vault.graphsim.model.Hashes;
import io.m365vault.repo.Repository;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** files.versions: the versions before each file's current one, as many as asked, with their bytes. */
@ExtendWith(AzuriteExtension.class)
class FileVersionsTest {
    @TempDir
    Path tmp;

    /** file id -> "version id sha256" of the version just before the current one, for files that have one. */
    private static Map<String, String> simPrevious(GraphSim sim, String driveId) {
        Map<String, String> out = new TreeMap<>();
        Drive d = sim.tenant().drive(driveId);
        synchronized (d) {
            for (DriveItem f : d.liveFiles()) {
                int n = f.versions.size();
                if (n > 1) {
                    var c = f.versions.get(n - 2).content();
                    out.put(f.id(), (n - 1) + ".0 " + Hashes.sha256(o -> c.write(o, 0, c.length())));
                }
            }
        }
        return out;
    }

    private static Map<String, String> backedUpVersions(Repository repo, ProtectedItem item, Instant t) {
        Map<String, String> out = new TreeMap<>();
        repo.catalog().at(item.partition(Workload.FILES), t, ItemKind.FILE_VERSION, v -> {
            String previous = out.put(v.parent(), Json.read(v.metadata()).get("id").asText() + " "
                    + SimTenant.sha256(repo.reader().readAll(v.content())));
            if (previous != null) {
                throw new AssertionError("more than the one version asked for of " + v.parent());
            }
        });
        return out;
    }

    @Test
    void theVersionBeforeTheCurrentOneIsKeptAndFollowsNewVersions(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(61).users(6).filesPerDrive(15).build().start();
             Repository repo = SimTenant.repo(account, tmp, "fv")) {
            ProtectedItem item = new ProtectedItem("user", SimDrives.driveUser(sim));
            String driveId = sim.tenant().sites().userDriveId(item.id());
            ItemBackup backup = new ItemBackup(repo, SimTenant.reader(sim, 20), BackupOptions.DEFAULTS.withFileVersions(1));
            Map<String, String> before = simPrevious(sim, driveId);
            assertTrue(before.size() > 3, "files with earlier versions: " + before);
            assertTrue(sim.tenant().drive(driveId).liveFiles().stream().anyMatch(f -> f.versions.size() > 2), "one file has more than one earlier version");
            Instant t1 = Instant.now();
            WorkloadResult full = backup.run("r1", t1, item, Set.of(Workload.FILES)).workloads().get(Workload.FILES);
            assertEquals(0, full.stats().failed(), full.faults().toString());
            SimTenant.assertSame(before, backedUpVersions(repo, item, t1));

            var counts = sim.mutate(7, 0.3, "files");
            assertTrue(counts.path("files").path("edited").asInt() > 0, counts.toString());
            Map<String, String> after = simPrevious(sim, driveId);
            Instant t2 = t1.plusSeconds(60);
            backup.run("r2", t2, item, Set.of(Workload.FILES));
            SimTenant.assertSame(after, backedUpVersions(repo, item, t2));
            SimTenant.assertSame(before, backedUpVersions(repo, item, t1));
        }
    }
}
