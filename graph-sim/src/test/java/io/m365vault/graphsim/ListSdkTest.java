package io.m365vault.graphsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.ColumnDefinition;
import com.microsoft.graph.models.FieldValueSet;
import com.microsoft.graph.models.ListItem;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.sites.item.lists.item.items.delta.DeltaGetResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListSdkTest {
    @Test
    void listsColumnsAndItemsParseIntoTheSdkModels() throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(4).users(10).build().start()) {
            GraphServiceClient graph = SdkClients.forSim(sim);
            String site = graph.sites().getAllSites().get().getValue().get(1).getId();
            var lists = graph.sites().bySiteId(site).lists().get().getValue();
            assertEquals(List.of("Tasks", "Issues", "Documents", "TaxonomyHiddenList"), lists.stream().map(l -> l.getDisplayName()).toList());
            assertEquals("issueTracking", lists.get(1).getList().getTemplate());
            assertEquals("documentLibrary", lists.get(2).getList().getTemplate());
            assertTrue(lists.get(3).getList().getHidden());
            var withSystem = graph.sites().bySiteId(site).lists().get(rc -> rc.queryParameters.select = new String[] {"id", "displayName", "list", "system"})
                    .getValue();
            assertEquals("User Information List", withSystem.get(4).getDisplayName(), "system lists only when $select names system");
            assertNotNull(withSystem.get(4).getSystem());
            var people = graph.sites().bySiteId(site).lists().byListId("User Information List").items()
                    .get(rc -> rc.queryParameters.expand = new String[] {"fields"}).getValue();
            assertTrue(!people.isEmpty() && people.stream().allMatch(p -> p.getFields().getAdditionalData().get("EMail") != null));
            var types = graph.sites().bySiteId(site).lists().byListId("Issues").contentTypes().get().getValue();
            assertEquals("Issue", types.get(0).getName());
            assertTrue(types.get(0).getId().startsWith("0x0103"));
            List<ColumnDefinition> columns = graph.sites().bySiteId(site).lists().byListId(lists.get(1).getId())
                    .get(rc -> rc.queryParameters.expand = new String[] {"columns"}).getColumns();
            ColumnDefinition title = columns.stream().filter(c -> c.getName().equals("Title")).findFirst().orElseThrow();
            assertEquals(255, title.getText().getMaxLength());
            assertTrue(columns.stream().anyMatch(c -> c.getChoice() != null && c.getChoice().getChoices().contains("Active")));
            assertTrue(columns.stream().anyMatch(c -> c.getNumber() != null));
            assertTrue(columns.stream().anyMatch(c -> c.getDateTime() != null));
            assertTrue(columns.stream().anyMatch(c -> c.getBoolean() != null));
            assertTrue(columns.stream().anyMatch(c -> c.getPersonOrGroup() != null));
            assertEquals(lists.get(0).getId(), columns.stream().filter(c -> c.getLookup() != null).findFirst().orElseThrow().getLookup().getListId());

            var items = graph.sites().bySiteId(site).lists().byListId("Issues").items()
                    .get(rc -> rc.queryParameters.expand = new String[] {"fields"}).getValue();
            assertEquals(12, items.size());
            assertEquals("10", items.get(9).getId(), "items in numeric id order");
            Map<String, Object> fields = items.get(0).getFields().getAdditionalData();
            assertNotNull(fields.get("Title"));
            assertTrue(fields.get("Resolved") instanceof Boolean);
            assertNotNull(fields.get("AssignedToLookupId"));
            String person = (String) fields.get("AssignedToLookupId");
            assertTrue(people.stream().anyMatch(p -> p.getId().equals(person)), "a person column's lookup id is an item of the people list");
            assertEquals("Issue", fields.get("ContentType"));
            assertNull(graph.sites().bySiteId(site).lists().byListId("Issues").items().get().getValue().get(0).getFields(),
                    "fields only on $expand=fields");
            assertThrows(ODataError.class, () -> graph.sites().bySiteId(site).lists().byListId("Nope").get());
        }
    }

    @Test
    void itemWritesShowInDeltaWithTheDeletedFacetAndExpiredTokensAnswer410() throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(4).users(10).build().start()) {
            GraphServiceClient graph = SdkClients.forSim(sim);
            String site = sim.tenant().sites().sites().get(0).id;
            var tasks = graph.sites().bySiteId(site).lists().byListId("Tasks");
            assertNull(tasks.items().delta().get().getValue().get(0).getFields(), "delta sends fields only on $expand=fields");
            DeltaGetResponse page = tasks.items().delta().get(rc -> {
                rc.headers.add("Prefer", "odata.maxpagesize=5");
                rc.queryParameters.expand = new String[] {"fields"};
            });
            List<ListItem> all = new ArrayList<>(page.getValue());
            int pages = 1;
            while (page.getOdataNextLink() != null) {
                page = tasks.items().delta().withUrl(page.getOdataNextLink()).get();
                all.addAll(page.getValue());
                pages++;
            }
            assertEquals(12, all.size());
            assertEquals(3, pages);
            assertTrue(all.stream().allMatch(i -> i.getFields().getAdditionalData().get("Title") != null), "next links keep $expand");

            ListItem created = new ListItem();
            FieldValueSet values = new FieldValueSet();
            values.setAdditionalData(Map.of("Title", "Restored task", "PercentComplete", 0.5, "Completed", false));
            created.setFields(values);
            ListItem back = tasks.items().post(created);
            assertEquals("13", back.getId());
            assertEquals("Restored task", back.getFields().getAdditionalData().get("Title"));
            FieldValueSet change = new FieldValueSet();
            change.setAdditionalData(Map.of("Completed", true));
            assertEquals(true, tasks.items().byListItemId(all.get(1).getId()).fields().patch(change).getAdditionalData().get("Completed"));
            tasks.items().byListItemId(all.get(2).getId()).delete();
            FieldValueSet wrong = new FieldValueSet();
            wrong.setAdditionalData(Map.of("NoSuchColumn", 1));
            assertThrows(ODataError.class, () -> tasks.items().byListItemId(all.get(1).getId()).fields().patch(wrong));

            List<ListItem> changes = tasks.items().delta().withUrl(page.getOdataDeltaLink()).get().getValue();
            assertEquals(3, changes.size());
            assertTrue(changes.stream().anyMatch(i -> i.getId().equals("13") && "Restored task".equals(i.getFields().getAdditionalData().get("Title"))));
            ListItem gone = changes.stream().filter(i -> i.getId().equals(all.get(2).getId())).findFirst().orElseThrow();
            assertEquals("deleted", gone.getDeleted().getState());
            assertEquals(site, gone.getParentReference().getSiteId());
            assertThrows(ODataError.class, () -> tasks.items().byListItemId(all.get(2).getId()).get());

            String deltaLink = page.getOdataDeltaLink();
            sim.expireDeltaTokens();
            ODataError expired = assertThrows(ODataError.class, () -> tasks.items().delta().withUrl(deltaLink).get());
            assertEquals(410, expired.getResponseStatusCode());
            assertEquals("resyncRequired", expired.getError().getCode());
            String restart = expired.getResponseHeaders().get("Location").iterator().next();
            assertTrue(restart.endsWith("/items/delta?$expand=fields"), restart);
            assertEquals(13 - 1, tasks.items().delta().withUrl(restart).get().getValue().size(), "a fresh enumeration: 12 + 1 created - 1 deleted");
        }
    }

    @Test
    void mutationAddsAColumnThatNewAndEditedIssuesFill() throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(4).users(10).build().start()) {
            GraphServiceClient graph = SdkClients.forSim(sim);
            String site = sim.tenant().sites().sites().get(0).id;
            var issues = graph.sites().bySiteId(site).lists().byListId("Issues");
            assertTrue(issues.columns().get().getValue().stream().noneMatch(c -> c.getName().equals("Category")));
            sim.mutate(2, 0.4, "listItems");
            var category = issues.columns().get().getValue().stream().filter(c -> c.getName().equals("Category")).findFirst().orElseThrow();
            assertTrue(category.getChoice().getChoices().contains("Bug"));
            var items = issues.items().get(rc -> rc.queryParameters.expand = new String[] {"fields"}).getValue();
            assertTrue(items.stream().anyMatch(i -> i.getFields().getAdditionalData().get("Category") != null));
            assertTrue(items.stream().anyMatch(i -> i.getFields().getAdditionalData().get("Category") == null), "items not edited since have none");
        }
    }

    @Test
    void sameSeedSameListBytes() throws Exception {
        String first = itemsJson(4);
        assertTrue(first.contains("\"personOrGroup\"") && first.contains("AssignedToLookupId") && first.contains("textWebPart"), first);
        assertEquals(first, itemsJson(4));
        assertNotEquals(itemsJson(4), itemsJson(5));
    }

    private static String itemsJson(long seed) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(seed).users(10).build().start()) {
            String site = java.net.URLEncoder.encode(sim.tenant().sites().sites().get(1).id, java.nio.charset.StandardCharsets.UTF_8);
            var http = java.net.http.HttpClient.newHttpClient();
            StringBuilder out = new StringBuilder();
            for (String path : new String[] {"/lists?$expand=columns", "/lists/Issues/items?$expand=fields", "/pages?$expand=canvasLayout"}) {
                var rq = java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.baseUrl() + "/sites/" + site + path.replace("$", "%24"))).build();
                out.append(http.send(rq, java.net.http.HttpResponse.BodyHandlers.ofString()).body().replace(sim.baseUrl(), ""));
            }
            String origin = sim.baseUrl().substring(0, sim.baseUrl().length() - "/v1.0".length());
            var snap = java.net.http.HttpRequest.newBuilder(java.net.URI.create(origin + "/_sim/snapshot?owner=" + site)).build();
            JsonNode snapshot = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    http.send(snap, java.net.http.HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(24, taskAndIssueItems(snapshot), "the control endpoint takes a site id as owner");
            assertEquals(3, snapshot.path("pages").size());
            return out.append(snapshot).toString();
        }
    }

    /** The snapshot's items of Tasks and Issues, without the people list's. */
    private static long taskAndIssueItems(JsonNode snapshot) {
        long n = 0;
        for (JsonNode i : snapshot.path("lists")) {
            n += i.path("template").asText().equals("userInformation") ? 0 : 1;
        }
        return n;
    }

    @Test
    void mutateChangesItemsAndPagesSnapshotSeesItAndTheSeedDecides() throws Exception {
        JsonNode first = mutatedSnapshot(4);
        assertEquals(first, mutatedSnapshot(4));
        assertNotEquals(first, mutatedSnapshot(5));
    }

    private static JsonNode mutatedSnapshot(long seed) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(seed).users(10).build().start()) {
            String site = sim.tenant().sites().sites().get(1).id;
            JsonNode before = sim.snapshot(site);
            assertEquals(24, taskAndIssueItems(before));
            assertEquals(3, before.path("pages").size());
            JsonNode counts = sim.mutate(7, 0.5, "listItems", "pages");
            assertTrue(counts.path("listItems").path("edited").asInt() > 0);
            assertTrue(counts.path("pages").path("edited").asInt() > 0);
            JsonNode after = sim.snapshot(site);
            assertNotEquals(before.path("lists"), after.path("lists"));
            assertNotEquals(before.path("pages"), after.path("pages"));
            return after;
        }
    }
}
