package io.m365vault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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

/** A site's pages: listed each run, a canvas fetched only for a page that changed, one unreadable page a failed item. */
@ExtendWith(AzuriteExtension.class)
class PagesBackupTest {
    @TempDir
    Path tmp;

    private static WorkloadResult pages(ItemBackup backup, String run, Instant t, ProtectedItem site) {
        WorkloadResult r = backup.run(run, t, site, Set.of(Workload.PAGES)).workloads().get(Workload.PAGES);
        assertEquals(WorkloadResult.Outcome.DONE, r.outcome(), r.reason());
        return r;
    }

    @Test
    void editedPagesAreNewVersionsAndAnUnreadablePageIsAFailedItemRetriedNextRun(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(33).users(8).build().start();
             Repository repo = SimTenant.repo(account, tmp, "pages")) {
            ProtectedItem site = SimSites.site(sim, 1);
            ItemBackup backup = new ItemBackup(repo, SimTenant.reader(sim, 5), BackupOptions.DEFAULTS);
            Map<String, String> before = SimSites.simPages(sim, site);
            Instant t1 = Instant.now();
            WorkloadResult full = pages(backup, "run1", t1, site);
            assertEquals(3, before.size());
            SimTenant.assertSame(before, SimSites.backedUpPages(repo, site, t1));
            assertEquals(3, full.stats().contentFetched());

            sim.mutate(5, 0.6, "pages");
            Map<String, String> after = SimSites.simPages(sim, site);
            long edited = after.keySet().stream().filter(id -> !after.get(id).equals(before.get(id))).count();
            assertTrue(edited > 1 && edited < 3, "some pages of the site edited, not all: " + edited);
            String broken = after.keySet().stream().filter(id -> !after.get(id).equals(before.get(id))).findFirst().orElseThrow();
            sim.faults(Json.MAPPER.readTree("{\"inject\": [{\"path\": \"pages/" + broken + "/\", \"status\": 500, \"count\": 100}]}"));
            Instant t2 = t1.plusSeconds(60);
            WorkloadResult incr = pages(backup, "run2", t2, site);
            assertEquals(1, incr.faults().size(), incr.faults().toString());
            assertEquals(broken, incr.faults().get(0).itemId());
            Map<String, String> expected = new java.util.TreeMap<>(after);
            expected.put(broken, before.get(broken)); // keeps its last good version
            SimTenant.assertSame(expected, SimSites.backedUpPages(repo, site, t2));
            assertEquals(edited - 1, incr.stats().contentFetched(), "only the edited pages' canvases are fetched: " + incr.stats());

            sim.faults(Json.MAPPER.readTree("{\"clearInjected\": true}"));
            Instant t3 = t2.plusSeconds(60);
            WorkloadResult retry = pages(backup, "run3", t3, site);
            assertEquals(0, retry.faults().size(), retry.faults().toString());
            assertEquals(1, retry.stats().contentFetched(), retry.stats().toString());
            SimTenant.assertSame(after, SimSites.backedUpPages(repo, site, t3));
            SimTenant.assertSame(before, SimSites.backedUpPages(repo, site, t1));
            JsonNode stored = Json.read(repo.reader().readAll(repo.catalog().at(site.partition(Workload.PAGES), t3).get(0).content()));
            assertEquals("#microsoft.graph.standardWebPart",
                    stored.path("canvasLayout").path("horizontalSections").get(2).path("columns").get(0).path("webparts").get(0).path("@odata.type").asText(),
                    "web parts as Graph gives them");
        }
    }
}
