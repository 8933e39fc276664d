package io.m365vault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.backup.ItemResult.WorkloadResult;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.repo.Repository;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(AzuriteExtension.class)
class FilesBackupTest {
    @TempDir
    Path tmp;

    private Repository repo(AzuriteExtension.StorageAccount account, String name) throws Exception {
        return SimTenant.repo(account, tmp, name);
    }

    private static WorkloadResult files(ItemBackup backup, String run, Instant t, ProtectedItem item) {
        WorkloadResult r = backup.run(run, t, item, Set.of(Workload.FILES)).workloads().get(Workload.FILES);
        assertEquals(WorkloadResult.Outcome.DONE, r.outcome(), r.reason());
        return r;
    }

    @Test
    void oneDriveFullThenIncrementalMatchTheDriveAtBothTimes(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(21).users(6).filesPerDrive(40).set("large-file-mb", "3").build().start();
             Repository repo = repo(account, "files")) {
            ProtectedItem item = new ProtectedItem("user", SimDrives.driveUser(sim));
            ItemBackup backup = new ItemBackup(repo, SimTenant.reader(sim, 7), BackupOptions.DEFAULTS);

            Map<String, String> before = SimDrives.simFiles(sim, item.id());
            Instant t1 = Instant.now();
            WorkloadResult full = files(backup, "run1", t1, item);
            assertTrue(before.size() > 40, "files in the drive: " + before.size());
            SimDrives.assertSameFiles(before, SimDrives.backedUpFiles(repo, item, t1));
            assertEquals(0, full.stats().failed(), full.faults().toString());
            assertTrue(full.stats().pages() > 3, "the delta came in pages, each checkpointed: " + full.stats());

            var counts = sim.mutate(3, 0.3, "files");
            assertTrue(counts.path("files").path("moved").asInt() > 0 && counts.path("files").path("deleted").asInt() > 0, counts.toString());
            Map<String, String> after = SimDrives.simFiles(sim, item.id());
            Instant t2 = t1.plusSeconds(60);
            WorkloadResult incr = files(backup, "run2", t2, item);
            SimDrives.assertSameFiles(after, SimDrives.backedUpFiles(repo, item, t2));
            SimDrives.assertSameFiles(before, SimDrives.backedUpFiles(repo, item, t1));
            int edited = counts.path("files").path("edited").asInt() + counts.path("files").path("added").asInt();
            assertTrue(incr.stats().contentFetched() <= edited,
                    "an incremental downloads the new and edited files only (moves and renames reuse what is stored): " + incr.stats() + " after " + counts);
            assertTrue(incr.stats().moved() > 0 && incr.stats().removed() > 0, incr.stats().toString());

            WorkloadResult idle = files(backup, "run3", t2.plusSeconds(60), item);
            assertEquals(0, idle.stats().contentFetched() + idle.stats().added() + idle.stats().changed() + idle.stats().removed(),
                    idle.stats().toString());
        }
    }
}
