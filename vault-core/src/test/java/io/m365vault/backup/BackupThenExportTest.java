package io.m365vault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.graphsim.GraphSim;
import io.m365vault.repo.Repository;
import io.m365vault.restore.ExportOptions;
import io.m365vault.restore.ExportResult;
import io.m365vault.restore.ExportedFile;
import io.m365vault.restore.ItemExporter;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Issue 4's end-to-end check: back up, change, back up, then export both points in time. */
@ExtendWith(AzuriteExtension.class)
class BackupThenExportTest {
    @TempDir
    Path tmp;

    @Test
    void eachExportEqualsTheTenantAtItsTimeByteForByte(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(51).users(4).messagesPerFolder(5).build().start();
             Repository repo = SimTenant.repo(account, tmp, "exp")) {
            String user = SimTenant.mailUser(sim);
            ProtectedItem item = new ProtectedItem("user", user);
            Set<Workload> exchange = Set.of(Workload.MAIL, Workload.CALENDAR, Workload.CONTACTS);
            ItemBackup backup = new ItemBackup(repo, SimTenant.reader(sim, 25), BackupOptions.DEFAULTS);

            Map<String, String> mail1 = SimTenant.simMail(sim, user);
            int contacts1 = SimTenant.simContacts(sim, user).size();
            Instant t1 = Instant.now();
            assertTrue(backup.run("r1", t1, item, exchange).ok());
            sim.mutate(8, 0.25, "messages", "contacts", "events");
            Map<String, String> mail2 = SimTenant.simMail(sim, user);
            int contacts2 = SimTenant.simContacts(sim, user).size();
            Instant t2 = t1.plusSeconds(60);
            assertTrue(backup.run("r2", t2, item, exchange).ok());

            ItemExporter exporter = new ItemExporter();
            ExportResult at1 = exporter.export(repo, item, t1, tmp.resolve("t1"), ExportOptions.defaults());
            ExportResult at2 = exporter.export(repo, item, t2, tmp.resolve("t2"), ExportOptions.defaults());
            SimTenant.assertSame(mail1, SimTenant.exportedMail(at1));
            SimTenant.assertSame(mail2, SimTenant.exportedMail(at2));
            assertEquals(contacts1, at1.count(ItemKind.CONTACT));
            assertEquals(contacts2, at2.count(ItemKind.CONTACT));
            assertTrue(at1.complete() && at2.complete(), at1.failures() + " " + at2.failures());
            for (ExportedFile f : at2.files()) {
                assertEquals(f.sha256(), SimTenant.sha256(Files.readAllBytes(at2.directory().resolve(f.path()))), f.path());
            }
        }
    }
}
