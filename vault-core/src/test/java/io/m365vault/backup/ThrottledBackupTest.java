package io.m365vault.backup;

import io.m365vault.graph.TenantGraphReader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365vault.backup.ItemResult.WorkloadResult;
import io.m365vault.graph.GraphClients;
import io.m365vault.graph.GraphSettings;
import io.m365vault.graph.TenantGraph;
import io.m365vault.graph.ThrottleConfig;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.repo.Repository;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(AzuriteExtension.class)
class ThrottledBackupTest {
    @TempDir
    Path tmp;

    @Test
    void everyMessageArrivesThroughA429And503Storm(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(31).users(4).messagesPerFolder(6).build().start();
             Repository repo = SimTenant.repo(account, tmp, "thr");
             // The client believes it may run 8 at once and has no budget: the simulator's limits push back.
             TenantGraph graph = GraphClients.create(GraphSettings.anonymous(sim.baseUrl()),
                     ThrottleConfig.defaults().withMaxInFlight(8).withBudget(0, Duration.ofMinutes(10))
                             .withMaxAttempts(30).withBackoff(Duration.ofMillis(20), Duration.ofMillis(200)))) {
            sim.faults(new ObjectMapper().readTree(
                    "{\"mailboxConcurrency\":2,\"requestsPerWindow\":15,\"windowSeconds\":1,\"retryAfterSeconds\":1,\"rate503\":0.1,\"rate504\":0.05,"
                            + "\"inject\":[{\"path\":\"/$value\",\"status\":429,\"count\":5}]}"));
            String user = SimTenant.mailUser(sim);
            ItemBackup backup = new ItemBackup(repo, new TenantGraphReader(graph, 20), BackupOptions.DEFAULTS);
            Instant t = Instant.now();
            WorkloadResult r = backup.run("storm", t, new ProtectedItem("user", user), Set.of(Workload.MAIL)).workloads().get(Workload.MAIL);
            assertEquals(WorkloadResult.Outcome.DONE, r.outcome(), r.reason());

            JsonNode stats = sim.stats();
            sim.faults(new ObjectMapper().readTree("{\"mailboxConcurrency\":0,\"requestsPerWindow\":0,\"rate503\":0,\"rate504\":0}"));
            SimTenant.assertSame(SimTenant.simMail(sim, user), SimTenant.backedUpMail(repo, user, t));
            assertTrue(stats.path("throttled429").asLong() > 0 && graph.governor().totals().retries() > 0,
                    "the storm really happened: governor " + graph.governor().totals() + ", sim " + stats);
        }
    }
}
