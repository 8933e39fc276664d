package io.m365vault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365vault.backup.ItemResult.WorkloadResult;
import io.m365vault.graph.GraphClients;
import io.m365vault.graph.GraphSettings;
import io.m365vault.graph.ResourceUnitStats;
import io.m365vault.graph.TenantGraph;
import io.m365vault.graph.TenantGraphReader;
import io.m365vault.graph.ThrottleConfig;
import io.m365vault.graph.ThrottleKeys;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.repo.Repository;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A files backup under SharePoint's resource-unit budget, through graph-sim and the real SDK into Azurite. */
@ExtendWith(AzuriteExtension.class)
class FilesPacingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;

    @Test
    void underASmallBudgetTheBackupIsPacedByRateLimitHeadersLosesNothingAndEarnsNo429(AzuriteExtension.StorageAccount account)
            throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(36).users(6).filesPerDrive(100).build().start();
             Repository repo = SimTenant.repo(account, tmp, "fp");
             TenantGraph graph = GraphClients.create(GraphSettings.anonymous(sim.baseUrl()), ThrottleConfig.defaults())) {
            ProtectedItem item = new ProtectedItem("user", SimDrives.driveUser(sim));
            // 40 units per 2 s, SharePoint's minute scaled down: the drive's ~110 units need three windows. The 20% left
            // when the headers start (8 units) exceeds what the backup has in flight, as 250 units and more do in SharePoint.
            sim.faults(JSON.readTree("{\"resourceUnitsPerWindow\":40,\"resourceUnitWindowSeconds\":2}"));
            Instant t = Instant.now();
            WorkloadResult r = new ItemBackup(repo, new TenantGraphReader(graph, 50), BackupOptions.DEFAULTS)
                    .run("paced", t, item, Set.of(Workload.FILES)).workloads().get(Workload.FILES);
            assertEquals(WorkloadResult.Outcome.DONE, r.outcome(), r.reason());
            assertEquals(0, r.faults().size(), r.faults().toString());
            SimDrives.assertSameFiles(SimDrives.simFiles(sim, item.id()), SimDrives.backedUpFiles(repo, item, t));

            JsonNode units = sim.stats().path("resourceUnits");
            assertTrue(units.path("charged").asLong() > 2 * 40, "the backup needed more than two windows' units: " + units);
            assertTrue(units.path("withRateLimitHeaders").asLong() > 0, "SharePoint warned: " + units);
            assertEquals(0, units.path("throttled429").asLong(), "every warning was heeded before a 429: " + units);
            assertEquals(0, graph.governor().totals().throttled(), graph.governor().statsByKey().toString());
            String driveKey = "drives/" + sim.tenant().sites().userDriveId(item.id()).toLowerCase(java.util.Locale.ROOT);
            assertEquals(0, graph.governor().stats(ThrottleKeys.TENANT).requests(), "no download fell back to the tenant key");
            assertTrue(graph.governor().stats(driveKey).requests() >= SimDrives.simFiles(sim, item.id()).size() - 1,
                    "the downloads went under their drive's key: " + graph.governor().statsByKey());
            ResourceUnitStats paced = graph.governor().resourceUnits();
            assertTrue(paced.rateLimitReports() > 0 && paced.pacedRequests() > 0, "the tenant's requests were paced: " + paced);
        }
    }
}
