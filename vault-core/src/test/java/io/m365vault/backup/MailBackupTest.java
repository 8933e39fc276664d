package io.m365vault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
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
class MailBackupTest {
    @TempDir
    Path tmp;

    @Test
    void fullThenIncrementalMatchTheTenantAtBothTimes(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(11).users(4).messagesPerFolder(8).build().start();
             Repository repo = SimTenant.repo(account, tmp, "mail")) {
            String user = SimTenant.mailUser(sim);
            ProtectedItem item = new ProtectedItem("user", user);
            ItemBackup backup = new ItemBackup(repo, SimTenant.reader(sim, 50), BackupOptions.DEFAULTS);

            Map<String, String> before = SimTenant.simMail(sim, user);
            Instant t1 = Instant.now();
            WorkloadResult full = backup.run("run1", t1, item, Set.of(Workload.MAIL)).workloads().get(Workload.MAIL);
            assertEquals(WorkloadResult.Outcome.DONE, full.outcome(), full.reason());
            assertTrue(before.size() > 20, "messages in the sim mailbox: " + before.size());
            SimTenant.assertSame(before, SimTenant.backedUpMail(repo, user, t1));
            assertEquals(before.size(), full.stats().contentFetched());

            var counts = new ObjectMapper().readTree(sim.mutate(5, 0.2, "messages").toString());
            Map<String, String> after = SimTenant.simMail(sim, user);
            Instant t2 = t1.plusSeconds(60);
            WorkloadResult incr = backup.run("run2", t2, item, Set.of(Workload.MAIL)).workloads().get(Workload.MAIL);
            assertEquals(WorkloadResult.Outcome.DONE, incr.outcome(), incr.reason());
            SimTenant.assertSame(after, SimTenant.backedUpMail(repo, user, t2));
            SimTenant.assertSame(before, SimTenant.backedUpMail(repo, user, t1));
            assertTrue(incr.stats().contentFetched() < before.size() / 2,
                    "an incremental fetches what changed, not the mailbox: " + incr.stats() + " after " + counts);

            Instant t3 = t2.plusSeconds(60);
            WorkloadResult idle = backup.run("run3", t3, item, Set.of(Workload.MAIL)).workloads().get(Workload.MAIL);
            assertEquals(0, idle.stats().contentFetched() + idle.stats().added() + idle.stats().changed() + idle.stats().removed(),
                    idle.stats().toString());
            SimTenant.assertSame(after, SimTenant.backedUpMail(repo, user, t3));
        }
    }

    @Test
    void hiddenFoldersAreBackedUpWhenAskedFor(AzuriteExtension.StorageAccount account) throws Exception {
        // Whether Graph's mailFolders/delta reports hidden folders is undocumented; the simulator can do both.
        try (GraphSim sim = GraphSim.builder().seed(12).users(4).messagesPerFolder(3).set("hidden-folders-in-delta", "true").build().start();
             Repository repo = SimTenant.repo(account, tmp, "hid")) {
            String user = SimTenant.mailUser(sim);
            Map<String, String> all = SimTenant.simMail(sim, user, true);
            assertTrue(all.size() > SimTenant.simMail(sim, user, false).size(), "the mailbox has a hidden folder with messages");
            Instant t = Instant.now();
            new ItemBackup(repo, SimTenant.reader(sim, 50), new BackupOptions(true))
                    .run("r", t, new ProtectedItem("user", user), Set.of(Workload.MAIL));
            SimTenant.assertSame(all, SimTenant.backedUpMail(repo, user, t));
        }
    }
}
