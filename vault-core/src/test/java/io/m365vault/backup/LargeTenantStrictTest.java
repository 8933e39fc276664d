package io.m365vault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.backup.ItemResult.WorkloadResult;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.repo.Repository;
import io.m365vault.restore.ExportOptions;
import io.m365vault.restore.ExportResult;
import io.m365vault.restore.ItemExporter;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's end-to-end check: a mailbox with large calendars backed up, changed, backed up
 * again and exported, all through the strict layer that refuses what Azure Storage refuses
 * (AzuriteExtension's connection string names it): nothing is refused.
 */
@ExtendWith(AzuriteExtension.class)
class LargeTenantStrictTest {
    @TempDir
    Path tmp;

    @Test
    void aDayOfChangesToLargeCalendarsPassesAzuresLimits(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(91).users(4).messagesPerFolder(10).set("events-per-calendar", "600").build().start();
             Repository repo = SimTenant.repo(account, tmp, "big")) {
            String user = SimTenant.mailUser(sim);
            ProtectedItem item = new ProtectedItem("user", user);
            Set<Workload> exchange = Set.of(Workload.MAIL, Workload.CALENDAR, Workload.CONTACTS);
            ItemBackup backup = new ItemBackup(repo, SimTenant.reader(sim, 100), BackupOptions.DEFAULTS);
            Map<String, String> events1 = SimTenant.simEvents(sim, user);
            assertTrue(events1.size() > 800, "large calendars: " + events1.size() + " events and series");

            Instant t1 = Instant.now();
            ItemResult full = backup.run("r1", t1, item, exchange);
            full.workloads().forEach((w, r) -> assertEquals(WorkloadResult.Outcome.DONE, r.outcome(), w + ": " + r.reason()));
            Map<String, String> mail1 = SimTenant.simMail(sim, user);
            sim.mutate(5, 0.2, "messages", "contacts", "events");
            Instant t2 = t1.plusSeconds(60);
            ItemResult incr = backup.run("r2", t2, item, exchange);
            incr.workloads().forEach((w, r) -> assertEquals(WorkloadResult.Outcome.DONE, r.outcome(), w + ": " + r.reason()));

            SimTenant.assertSame(events1, SimTenant.backedUpEvents(repo, user, t1));
            SimTenant.assertSame(SimTenant.simEvents(sim, user), SimTenant.backedUpEvents(repo, user, t2));
            ExportResult at1 = new ItemExporter().export(repo, item, t1, tmp.resolve("t1"), ExportOptions.defaults());
            ExportResult at2 = new ItemExporter().export(repo, item, t2, tmp.resolve("t2"), ExportOptions.defaults());
            assertTrue(at1.complete() && at2.complete(), at1.failures() + " " + at2.failures());
            SimTenant.assertSame(mail1, SimTenant.exportedMail(at1));
            SimTenant.assertSame(SimTenant.simMail(sim, user), SimTenant.exportedMail(at2));
        }
    }
}
