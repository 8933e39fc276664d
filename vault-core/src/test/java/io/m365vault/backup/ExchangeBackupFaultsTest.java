package io.m365vault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365vault.backup.ItemResult.WorkloadResult;
import io.m365vault.graph.GraphReader;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.repo.Repository;
import io.m365vault.repo.Verifier;
import io.m365vault.repo.VerifyReport;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(AzuriteExtension.class)
class ExchangeBackupFaultsTest {
    @TempDir
    Path tmp;

    private Repository repo(AzuriteExtension.StorageAccount account) throws Exception {
        return SimTenant.repo(account, tmp, "x");
    }

    @Test
    void expiredDeltaTokensReEnumerateAndFetchOnlyWhatChanged(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(21).users(4).messagesPerFolder(8).build().start(); Repository repo = repo(account)) {
            String user = SimTenant.mailUser(sim);
            ProtectedItem item = new ProtectedItem("user", user);
            ItemBackup backup = new ItemBackup(repo, SimTenant.reader(sim, 25), BackupOptions.DEFAULTS);
            Instant t1 = Instant.now();
            backup.run("r1", t1, item, Set.of(Workload.MAIL));

            var counts = new ObjectMapper().readTree(sim.mutate(3, 0.2, "messages").toString());
            sim.expireDeltaTokens();
            Instant t2 = t1.plusSeconds(60);
            WorkloadResult r = backup.run("r2", t2, item, Set.of(Workload.MAIL)).workloads().get(Workload.MAIL);
            assertEquals(WorkloadResult.Outcome.DONE, r.outcome(), r.reason());
            assertTrue(r.stats().resyncs() > 0, r.stats().toString());
            SimTenant.assertSame(SimTenant.simMail(sim, user), SimTenant.backedUpMail(repo, user, t2));
            long added = counts.path("messages").path("added").asLong(0) + counts.path("messages").path("moved").asLong(0);
            assertTrue(r.stats().contentFetched() <= added + counts.path("messages").path("edited").asLong(0),
                    "a re-enumeration downloads only new content: " + r.stats() + " after " + counts);
        }
    }

    @Test
    void aWorkerKilledMidRunResumesWithNothingLostAndNothingTwice(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(22).users(4).messagesPerFolder(10).build().start(); Repository repo = repo(account)) {
            String user = SimTenant.mailUser(sim);
            ProtectedItem item = new ProtectedItem("user", user);
            // The worker dies at its 9th Graph request: the pages before it are committed, its own is not.
            GraphReader graph = SimTenant.reader(sim, 4);
            int[] requests = {0};
            GraphReader dying = new GraphReader() {
                @Override
                public com.fasterxml.jackson.databind.JsonNode get(String pathOrUrl) throws java.io.IOException {
                    if (++requests[0] == 9) {
                        throw new IllegalStateException("worker killed");
                    }
                    return graph.get(pathOrUrl);
                }

                @Override
                public java.io.InputStream open(String pathOrUrl) throws java.io.IOException {
                    return graph.open(pathOrUrl);
                }
            };
            Instant t1 = Instant.now();
            WorkloadResult first = new ItemBackup(repo, dying, BackupOptions.DEFAULTS).run("r1", t1, item, Set.of(Workload.MAIL))
                    .workloads().get(Workload.MAIL);
            assertEquals(WorkloadResult.Outcome.FAILED, first.outcome(), "the injected failure stops the first run");
            Instant t2 = t1.plusSeconds(1);
            WorkloadResult rerun = new ItemBackup(repo, graph, BackupOptions.DEFAULTS).run("r2", t2, item, Set.of(Workload.MAIL)).workloads().get(Workload.MAIL);
            assertEquals(WorkloadResult.Outcome.DONE, rerun.outcome(), rerun.reason());
            Map<String, String> mail = SimTenant.simMail(sim, user);
            SimTenant.assertSame(mail, SimTenant.backedUpMail(repo, user, t2));
            String partition = item.partition(Workload.MAIL);
            Map<String, Integer> versions = new HashMap<>();
            for (String id : mail.keySet()) {
                versions.put(id, repo.catalog().versions(partition, id).size());
            }
            assertTrue(versions.values().stream().allMatch(n -> n == 1), "one version per message: " + versions);
            VerifyReport report = new Verifier(repo).verify(true);
            assertTrue(report.ok(), report.errors().toString());
            assertEquals(0, report.unindexedChunks());
        }
    }

    @Test
    void contactsWithPhotosFollowTheTenant(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(23).users(4).build().start(); Repository repo = repo(account)) {
            String user = SimTenant.mailUser(sim);
            ProtectedItem item = new ProtectedItem("user", user);
            ItemBackup backup = new ItemBackup(repo, SimTenant.reader(sim, 10), BackupOptions.DEFAULTS);
            Instant t1 = Instant.now();
            WorkloadResult full = backup.run("r1", t1, item, Set.of(Workload.CONTACTS)).workloads().get(Workload.CONTACTS);
            assertEquals(WorkloadResult.Outcome.DONE, full.outcome(), full.reason());
            Map<String, String> before = SimTenant.simContacts(sim, user);
            assertTrue(before.values().stream().anyMatch(v -> !v.equals("none")), "some contacts have photos");
            SimTenant.assertSame(before, SimTenant.backedUpContacts(repo, user, t1));

            sim.mutate(4, 0.3, "contacts");
            Instant t2 = t1.plusSeconds(60);
            WorkloadResult incr = backup.run("r2", t2, item, Set.of(Workload.CONTACTS)).workloads().get(Workload.CONTACTS);
            assertEquals(WorkloadResult.Outcome.DONE, incr.outcome(), incr.reason());
            SimTenant.assertSame(SimTenant.simContacts(sim, user), SimTenant.backedUpContacts(repo, user, t2));
            SimTenant.assertSame(before, SimTenant.backedUpContacts(repo, user, t1));
        }
    }
}
