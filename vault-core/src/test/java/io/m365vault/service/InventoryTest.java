package io.m365vault.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.BackupOptions;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.graph.GraphReader;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.graphsim.model.SimUser;
import io.m365vault.repo.MemoryStateStore;
import io.m365vault.repo.Repository;
import io.m365vault.testkit.AzuriteExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The inventory: names kept from Graph per backed-up item, and a user found by UPN after leaving the tenant. */
@ExtendWith(AzuriteExtension.class)
class InventoryTest {
    private static final ProtectedItem ADELE = new ProtectedItem("user", "0c1d2e3f-0000-4000-8000-000000000001");
    private static final ProtectedItem SITE = new ProtectedItem("site", "contoso.sharepoint.com,a-1,b-2");
    @TempDir
    Path tmp;

    @Test
    void recordsNamesWorkloadsAndTimesAndKeepsANameGraphNoLongerGives() {
        Inventory inv = new Inventory(new MemoryStateStore());
        Instant t1 = Instant.parse("2026-11-30T10:00:00Z");
        Instant t2 = Instant.parse("2026-12-01T10:00:00Z");
        inv.record(ADELE, new ItemIdentity("Adele Vance", "adele@contoso.com"), Set.of(Workload.MAIL), t1, "run1", ItemState.DONE);
        inv.record(SITE, new ItemIdentity("Communications 1", "https://contoso.sharepoint.com/sites/comms1"), Set.of(Workload.LISTS),
                t1, "run1", ItemState.DONE);
        // Next run: Graph no longer knows her (gone from the tenant), and files were added to her policy.
        inv.record(ADELE, null, Set.of(Workload.FILES), t2, "run2", ItemState.FAILED);

        Inventory.Entry adele = inv.get(ADELE).orElseThrow();
        assertEquals("Adele Vance", adele.name());
        assertEquals("adele@contoso.com", adele.principal());
        assertEquals(Set.of(Workload.MAIL, Workload.FILES), adele.workloads());
        assertEquals(t1, adele.firstBackup());
        assertEquals(t2, adele.lastBackup());
        assertEquals("run2", adele.lastRun());
        assertEquals(ItemState.FAILED.json(), adele.lastState());
        assertEquals(List.of(ADELE, SITE), inv.list().stream().map(Inventory.Entry::item).toList(), "by name");
        assertEquals(Map.of(ADELE, "Adele Vance", SITE, "Communications 1"), inv.names());
    }

    @Test
    void graphGivesTheNamesAndAUserGoneFromTheTenantIsStillFoundByUpn(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(3).users(6).messagesPerFolder(2).build().start();
             Repository repo = ServiceFixture.repo(account, tmp)) {
            SimUser user = BackupItemServiceTest.mailUser(sim);
            PlannedItem item = new PlannedItem(new ProtectedItem("user", user.id), Set.of(Workload.MAIL));
            RunStore runs = new RunStore(repo.state());
            String run = TimeIds.next(Instant.now());
            runs.create(run, Instant.now(), "test", new Plan(List.of(item), List.of()));
            new BackupItemService(repo, ServiceFixture.graph(sim), BackupOptions.DEFAULTS, ItemLease.container(ServiceFixture.storage(account)),
                    Clock.systemUTC()).backup(run, item);

            Inventory.Entry e = new Inventory(repo.state()).get(item.item()).orElseThrow();
            assertEquals(user.displayName, e.name());
            assertEquals(user.userPrincipalName, e.principal());
            ApiHandler api = new ApiHandler(() -> { throw new IllegalStateException("no restores here"); }, runs, new ItemBrowser(repo),
                    new ItemSearch(repo), new ItemLookup(repo, ServiceFixture.graph(sim), Clock.systemUTC()), new Inventory(repo.state()), Clock.systemUTC());
            ApiResponse listed = api.route("GET", List.of("api", "items"), Map.of(), null);
            assertEquals(200, listed.status());
            JsonNode first = io.m365vault.backup.Json.read(listed.json().getBytes(java.nio.charset.StandardCharsets.UTF_8)).get("items").get(0);
            assertEquals(item.item().toString(), first.get("item").asText());
            assertEquals(user.displayName, first.get("name").asText());
            assertEquals("mail", first.get("workloads").get(0).asText());
            assertEquals(405, api.route("POST", List.of("api", "items"), Map.of(), "{}").status());

            // A tenant that knows nobody any more: the export's lookup finds her by the UPN she had.
            GraphReader empty = new GraphReader() {
                @Override
                public JsonNode get(String pathOrUrl) throws IOException {
                    throw new io.m365vault.graph.GraphNotFoundException(new io.m365vault.graph.GraphStatusException("GET", pathOrUrl, 404,
                            "Request_ResourceNotFound"));
                }

                @Override
                public InputStream open(String pathOrUrl) throws IOException {
                    throw new IOException("not asked");
                }
            };
            ItemLookup lookup = new ItemLookup(repo, empty, Clock.systemUTC());
            assertEquals(item.item(), lookup.backedUp(new ProtectedItem("user", user.userPrincipalName.toUpperCase()), Instant.now()));
            assertThrows(NotFoundException.class, () -> lookup.backedUp(new ProtectedItem("user", "nobody@contoso.com"), Instant.now()));
            assertNull(ItemIdentity.lookUp(empty, item.item()), "Graph cannot say: nothing to record over the name kept");
        }
    }
}
