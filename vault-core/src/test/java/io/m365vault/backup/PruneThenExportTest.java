package io.m365vault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.graphsim.GraphSim;
import io.m365vault.maintain.Prune;
import io.m365vault.maintain.PruneOptions;
import io.m365vault.maintain.PruneReport;
import io.m365vault.maintain.RetentionPolicy;
import io.m365vault.repo.Repository;
import io.m365vault.repo.Verifier;
import io.m365vault.repo.VerifyReport;
import io.m365vault.restore.ExportOptions;
import io.m365vault.restore.ExportResult;
import io.m365vault.restore.ItemExporter;
import io.m365vault.service.StepClock;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's end-to-end check with the engine and the exporter: three daily backups of a mailbox
 * in graph-sim with most messages changed between them (a quarter deleted), prune twice under a policy of daily
 * points, then every retained point in time exports equal to the tenant then, the deleted
 * messages' chunks are gone from the index and verify --read-data is clean. (That the bytes fall
 * needs a pack mostly dead, which a quarter deleted does not make: PruneOnStorageTest shows it.)
 */
@ExtendWith(AzuriteExtension.class)
class PruneThenExportTest {
    @TempDir
    Path tmp;

    private static long indexRows(Repository repo) {
        long[] n = {0};
        repo.index().forEach(l -> n[0]++);
        return n[0];
    }

    @Test
    void retainedPointsExportAsTheTenantWasAfterPruningTwice(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(61).users(3).messagesPerFolder(12).build().start();
             Repository repo = SimTenant.repo(account, tmp, "prx")) {
            String user = SimTenant.mailUser(sim);
            ProtectedItem item = new ProtectedItem("user", user);
            ItemBackup backup = new ItemBackup(repo, SimTenant.reader(sim, 25), BackupOptions.DEFAULTS);
            Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
            Instant[] at = {today.minus(Duration.ofDays(5)).plusSeconds(36_000), today.minus(Duration.ofDays(3)).plusSeconds(36_000),
                    today.minus(Duration.ofDays(1)).plusSeconds(36_000)};
            @SuppressWarnings("unchecked")
            Map<String, String>[] mail = new Map[3];
            for (int i = 0; i < 3; i++) {
                // A mutation deletes about a quarter of the messages; the rest are read, flagged, moved, or new.
                if (i > 0) {
                    sim.mutate(70 + i, 0.9, "messages");
                }
                mail[i] = SimTenant.simMail(sim, user);
                assertTrue(backup.run("r" + i, at[i], item, Set.of(Workload.MAIL)).ok());
            }
            long before = indexRows(repo);

            // Points at 00:00 UTC of today and the two days before: the first backup is at none of them.
            RetentionPolicy policy = RetentionPolicy.parse("{\"keepAllDays\":0,\"daily\":3,\"weekly\":0,\"monthly\":0}");
            StepClock clock = new StepClock(Instant.now());
            PruneReport first = new Prune(repo, policy, clock, () -> { }).run(PruneOptions.defaults());
            assertTrue(first.versionsDropped() > 0 && first.chunksCondemned() > 0, first.toString());
            clock.advance(PruneOptions.DEFAULT_GRACE.plusHours(1));
            PruneReport second = new Prune(repo, policy, clock, () -> { }).run(PruneOptions.defaults());
            assertEquals(before - second.chunksDeleted(), indexRows(repo), second.toString());
            assertEquals(first.chunksCondemned(), second.chunksDeleted(), "what the first pass condemned the second deletes");
            assertTrue(second.chunksDeleted() > 0, second.toString());

            VerifyReport v = new Verifier(repo).verify(true);
            assertTrue(v.ok(), v.errors().toString());
            ItemExporter exporter = new ItemExporter();
            for (Instant point : policy.rule(Workload.MAIL).points(clock.instant())) {
                int then = point.isBefore(at[2]) ? 1 : 2;
                ExportResult r = exporter.export(repo, item, point, tmp.resolve("p" + point.getEpochSecond()), ExportOptions.defaults());
                assertTrue(r.complete(), r.failures().toString());
                SimTenant.assertSame(mail[then], SimTenant.exportedMail(r));
            }
            assertEquals(mail[2], SimTenant.backedUpMail(repo, user, clock.instant()));
        }
    }
}
