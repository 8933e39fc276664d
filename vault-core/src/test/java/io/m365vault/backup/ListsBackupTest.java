package io.m365vault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemResult.WorkloadResult;
import io.m365vault.graph.GraphReader;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.repo.Repository;
import io.m365vault.testkit.AzuriteExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A site's lists through graph-sim over HTTP into Azurite: full, changes, incremental, and a delta that expires midway. */
@ExtendWith(AzuriteExtension.class)
class ListsBackupTest {
    @TempDir
    Path tmp;

    static WorkloadResult lists(ItemBackup backup, String run, Instant t, ProtectedItem site) {
        WorkloadResult r = backup.run(run, t, site, Set.of(Workload.LISTS)).workloads().get(Workload.LISTS);
        assertEquals(WorkloadResult.Outcome.DONE, r.outcome(), r.reason());
        return r;
    }

    @Test
    void fullThenIncrementalHoldTheSiteListsAtBothTimes(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(31).users(8).build().start();
             Repository repo = SimTenant.repo(account, tmp, "lists")) {
            ProtectedItem site = SimSites.site(sim, 1);
            ItemBackup backup = new ItemBackup(repo, SimTenant.reader(sim, 5), BackupOptions.DEFAULTS);

            Map<String, String> before = SimSites.simItems(sim, site);
            Instant t1 = Instant.now();
            WorkloadResult full = lists(backup, "run1", t1, site);
            SimTenant.assertSame(before, SimSites.backedUpItems(repo, site, t1));
            assertEquals(Set.of("Tasks", "Issues", "User Information List"), Set.copyOf(SimSites.backedUpLists(repo, site, t1).values()),
                    "lists, not the library, not the hidden list; the people list that person columns point into");
            assertTrue(full.stats().pages() >= 6, "each list's delta in pages of 5, each checkpointed: " + full.stats());
            Map<String, String> files1 = SimSites.simAttachments(sim, site);
            assertTrue(files1.size() >= 4, "the tenant has list item attachments: " + files1.keySet());
            SimTenant.assertSame(files1, SimSites.backedUpAttachments(repo, site, t1));
            JsonNode issues = SimSites.backedUpList(repo, site, t1, "Issues");
            assertEquals("Issue", issues.path("contentTypes").get(0).path("name").asText());
            assertTrue(issues.path("columns").findValues("personOrGroup").size() == 1 && issues.path("columns").findValues("lookup").size() == 1);

            var browser = new io.m365vault.service.ItemBrowser(repo);
            assertTrue(browser.list(site, t1, "lists").stream().anyMatch(e -> e.container() && e.name().equals("Issues")), "vault ls shows the lists");
            assertEquals(12, browser.list(site, t1, "lists/Issues").size(), "and a list's items");

            JsonNode counts = sim.mutate(3, 0.4, "listItems").path("listItems");
            assertTrue(counts.path("added").asInt() > 0 && counts.path("deleted").asInt() > 0 && counts.path("edited").asInt() > 0, counts.toString());
            // And one file taken off an item that keeps another (the mutator's own removals are by chance).
            var content = sim.tenant().siteContent(site.id());
            synchronized (content) {
                var tasks = content.list("Tasks");
                var item = content.item(tasks, "10");
                assertTrue(content.detach(item, "Notes 10.txt"));
            }
            Map<String, String> after = SimSites.simItems(sim, site);
            Instant t2 = t1.plusSeconds(60);
            WorkloadResult incr = lists(backup, "run2", t2, site);
            SimTenant.assertSame(after, SimSites.backedUpItems(repo, site, t2));
            SimTenant.assertSame(before, SimSites.backedUpItems(repo, site, t1));
            Map<String, String> files2 = SimSites.simAttachments(sim, site);
            assertTrue(!files2.keySet().containsAll(files1.keySet()) && !files1.keySet().containsAll(files2.keySet()),
                    "files were added and removed (deleted items' and detached ones): " + files1.keySet() + " -> " + files2.keySet());
            SimTenant.assertSame(files2, SimSites.backedUpAttachments(repo, site, t2));
            SimTenant.assertSame(files1, SimSites.backedUpAttachments(repo, site, t1));
            assertTrue(incr.stats().added() > 0 && incr.stats().changed() > 0 && incr.stats().removed() > 0, incr.stats().toString());
            assertTrue(SimSites.backedUpList(repo, site, t2, "Issues").path("columns").toString().contains("\"Category\""), "the new column");
            assertTrue(!SimSites.backedUpList(repo, site, t1, "Issues").path("columns").toString().contains("\"Category\""), "not before it was added");

            WorkloadResult idle = lists(backup, "run3", t2.plusSeconds(60), site);
            assertEquals(0, idle.stats().added() + idle.stats().changed() + idle.stats().removed(), idle.stats().toString());
        }
    }

    @Test
    void aListThatCannotBeReadFailsTheWorkloadAloneAndTheNextRunBacksItUp(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(34).users(8).build().start();
             Repository repo = SimTenant.repo(account, tmp, "listsbad")) {
            ProtectedItem site = SimSites.site(sim, 1);
            ItemBackup backup = new ItemBackup(repo, SimTenant.reader(sim, 5), BackupOptions.DEFAULTS);
            String tasks = sim.tenant().siteContent(site.id()).list("Tasks").id;
            sim.faults(Json.MAPPER.readTree("{\"inject\": [{\"path\": \"lists/" + tasks + "/items/delta\", \"status\": 500, \"count\": 100}]}"));
            Instant t1 = Instant.now();
            WorkloadResult r = backup.run("run1", t1, site, Set.of(Workload.LISTS)).workloads().get(Workload.LISTS);
            assertEquals(WorkloadResult.Outcome.FAILED, r.outcome());
            assertTrue(r.reason().startsWith("1 of 3 lists could not be read (the others are backed up)"), r.reason());
            Map<String, String> all = SimSites.simItems(sim, site);
            Map<String, String> others = new java.util.TreeMap<>(all);
            others.keySet().removeIf(k -> k.startsWith(tasks + ":"));
            SimTenant.assertSame(others, SimSites.backedUpItems(repo, site, t1));

            sim.faults(Json.MAPPER.readTree("{\"clearInjected\": true}"));
            Instant t2 = t1.plusSeconds(60);
            lists(backup, "run2", t2, site);
            SimTenant.assertSame(all, SimSites.backedUpItems(repo, site, t2));
        }
    }

    @Test
    void anItemThatComesWithoutItsFieldsIsAFailedItemFetchedByIdNextRun(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(35).users(8).build().start();
             Repository repo = SimTenant.repo(account, tmp, "listsitem")) {
            ProtectedItem site = SimSites.site(sim, 1);
            String tasks = sim.tenant().siteContent(site.id()).list("Tasks").id;
            GraphReader real = SimTenant.reader(sim, 5);
            // Graph answers the delta with item 3 of Tasks stripped of its fields.
            GraphReader stripping = new PassThroughGraph(real) {
                @Override
                public JsonNode get(String pathOrUrl) throws IOException {
                    JsonNode page = real.get(pathOrUrl);
                    if (pathOrUrl.contains("/lists/" + tasks + "/items/delta")) {
                        page.path("value").forEach(i -> {
                            if (i.path("id").asText().equals("3")) {
                                ((com.fasterxml.jackson.databind.node.ObjectNode) i).remove("fields");
                            }
                        });
                    }
                    return page;
                }
            };
            Instant t1 = Instant.now();
            WorkloadResult first = lists(new ItemBackup(repo, stripping, BackupOptions.DEFAULTS), "run1", t1, site);
            assertEquals(1, first.faults().size(), first.faults().toString());
            assertEquals(tasks + ":3", first.faults().get(0).itemId());
            Map<String, String> all = SimSites.simItems(sim, site);
            Map<String, String> others = new java.util.TreeMap<>(all);
            others.remove(tasks + ":3");
            SimTenant.assertSame(others, SimSites.backedUpItems(repo, site, t1));

            Instant t2 = t1.plusSeconds(60);
            WorkloadResult second = lists(new ItemBackup(repo, real, BackupOptions.DEFAULTS), "run2", t2, site);
            assertEquals(0, second.faults().size(), second.faults().toString());
            SimTenant.assertSame(all, SimSites.backedUpItems(repo, site, t2));
        }
    }

    @Test
    void aDeltaThatExpiresMidwayIsEnumeratedAgainAndClosesWhatIsGone(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(32).users(8).build().start();
             Repository repo = SimTenant.repo(account, tmp, "lists410")) {
            ProtectedItem site = SimSites.site(sim, 2);
            GraphReader real = SimTenant.reader(sim, 5);
            Instant t1 = Instant.now();
            lists(new ItemBackup(repo, real, BackupOptions.DEFAULTS), "run1", t1, site);
            sim.mutate(4, 0.4, "listItems");
            Map<String, String> after = SimSites.simItems(sim, site);

            // Every token expires once the incremental has read its first page of changes: its next link answers 410.
            AtomicBoolean expired = new AtomicBoolean();
            GraphReader expiring = new PassThroughGraph(real) {
                @Override
                public JsonNode get(String pathOrUrl) throws IOException {
                    JsonNode page = real.get(pathOrUrl);
                    if (pathOrUrl.contains("/items/delta") && page.has("@odata.nextLink") && expired.compareAndSet(false, true)) {
                        sim.expireDeltaTokens();
                    }
                    return page;
                }
            };
            Instant t2 = t1.plusSeconds(60);
            WorkloadResult incr = lists(new ItemBackup(repo, expiring, BackupOptions.DEFAULTS), "run2", t2, site);
            assertTrue(expired.get(), "the fault fired");
            assertTrue(incr.stats().resyncs() >= 1, incr.stats().toString());
            assertTrue(incr.stats().removed() > 0, "deletions are found by the re-enumeration: " + incr.stats());
            SimTenant.assertSame(after, SimSites.backedUpItems(repo, site, t2));
            assertNotNull(SimSites.backedUpList(repo, site, t2, "Tasks"));
        }
    }
}
