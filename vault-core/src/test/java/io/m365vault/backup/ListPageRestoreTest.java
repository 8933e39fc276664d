package io.m365vault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.kiota.HttpMethod;
import io.m365vault.graph.GraphClients;
import io.m365vault.graph.GraphSettings;
import io.m365vault.graph.TenantGraph;
import io.m365vault.graph.ThrottleConfig;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.graphsim.entra.SimTls;
import io.m365vault.repo.Repository;
import io.m365vault.restore.tenant.ListRestore;
import io.m365vault.restore.tenant.PageRestore;
import io.m365vault.restore.tenant.RestoreRefusedException;
import io.m365vault.restore.tenant.TenantRestoreOptions;
import io.m365vault.restore.tenant.TenantRestoreResult;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site's lists and pages restored into the tenant through the real Graph SDK against graph-sim
 * over HTTP, from a repository on Azurite, and compared by backing the target up: the lists'
 * writable columns, every item's values (persons and lookups by what they name) and attachments,
 * the pages' titles, canvases and publishing.
 */
@ExtendWith(AzuriteExtension.class)
class ListPageRestoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private GraphSim sim;
    private Repository repo;
    private TenantGraph graph;
    private ProtectedItem a;

    @Test
    void listsAndPagesRestoredToAnotherSiteAreThereWhenThatSiteIsBackedUp(AzuriteExtension.StorageAccount account) throws Exception {
        Instant t1 = backUp(account, 81);
        ProtectedItem b = SimSites.site(sim, 2);
        Instant t0 = t1.plusSeconds(30);
        SimTenant.backup(sim, repo, b, t0);
        SiteViews before = SiteViews.of(repo, b, t0);
        SiteViews source = SiteViews.of(repo, a, t1);

        TenantRestoreResult lists = new ListRestore(repo, graph).restore("job1", a, t1, new TenantRestoreOptions(b, null, false));
        TenantRestoreResult pages = new PageRestore(repo, graph).restore("job2", a, t1, new TenantRestoreOptions(b, null, false));
        assertTrue(lists.complete() && pages.complete(), lists.failures() + " " + pages.failures());
        assertEquals(1, lists.foldersCreated(), "Books made; Tasks and Issues there already");
        assertTrue(lists.notes().contains("list Books: column Legacy left out (read-only)"), lists.notes().toString());
        assertTrue(lists.notes().contains("list Books: the values of column Topic left out (managed metadata, which Graph does not write)"),
                lists.notes().toString());

        Instant t2 = t0.plusSeconds(60);
        SimTenant.backup(sim, repo, b, t2);
        SiteViews after = SiteViews.of(repo, b, t2);
        assertEquals(source.columns("Books"), after.columns("Books"), "the writable columns, the read-only one left out");
        assertTrue(after.columns("Books").contains("Owner:personOrGroup") && after.columns("Books").contains("Task:lookup")
                && after.columns("Books").contains("Topic:term"), after.columns("Books").toString());
        Set<String> known = before.people();
        Map<String, List<String>> expected = merged(before.items(null), source.items(known));
        assertEquals(expected, after.items(null), "each list: what it held and every backed-up item, lookups to the copies, persons that site knows");
        assertFalse(source.items(known).equals(source.items(null)), "some persons the other site has never seen");
        assertTrue(lists.notes().stream().anyMatch(n -> n.startsWith("list Issues: AssignedTo left out where the person is not in the target site's people list (")),
                lists.notes().toString());
        assertEquals(merged(before.attachments(null), source.attachments(known)), after.attachments(null), "every attachment with its bytes");
        assertTrue(source.attachments(null).values().stream().mapToLong(List::size).sum() >= 4);

        Map<String, String> restored = new TreeMap<>();
        SiteViews.pages(repo, b, t2).forEach((name, v) -> {
            if (name.endsWith(" 1.aspx")) {
                restored.put(name.replace(" 1.aspx", ".aspx"), v);
            }
        });
        assertEquals(SiteViews.pages(repo, a, t1), restored, "each page beside the one of its name there: title, published, canvas");
    }

    @Test
    void intoTheOriginalSiteTwiceMakesDuplicatesAndSkipExistingNothingOriginalsUntouched(AzuriteExtension.StorageAccount account) throws Exception {
        Instant t = backUp(account, 82);
        Map<String, String> originals = snapshot(a);
        List<String> pageNames = pageNames(a);
        ListRestore lists = new ListRestore(repo, graph);
        PageRestore pages = new PageRestore(repo, graph);
        for (String job : List.of("job1", "job2")) {
            TenantRestoreResult l = lists.restore(job, a, t, new TenantRestoreOptions(a, null, false));
            TenantRestoreResult p = pages.restore(job, a, t, new TenantRestoreOptions(a, null, false));
            assertTrue(l.complete() && p.complete(), l.failures() + " " + p.failures());
            assertEquals(0, l.foldersCreated(), "the lists there are used");
        }
        Map<String, String> now = snapshot(a);
        originals.forEach((id, v) -> assertEquals(v, now.get(id), "original item " + id + " untouched"));
        assertEquals(originals.size() * 3, now.size(), "each item and two copies");
        Map<String, List<String>> once = SiteViews.of(repo, a, t).items(null);
        Instant t2 = t.plusSeconds(60);
        SimTenant.backup(sim, repo, a, t2);
        Map<String, List<String>> thrice = merged(merged(once, once), once);
        assertEquals(thrice, SiteViews.of(repo, a, t2).items(null), "the copies' values, persons and lookups as the originals'");
        List<String> names = pageNames(a);
        for (String p : pageNames) {
            assertTrue(names.contains(p) && names.contains(p.replace(".aspx", " 1.aspx")) && names.contains(p.replace(".aspx", " 2.aspx")), names.toString());
        }

        TenantRestoreResult skipL = lists.restore("job3", a, t, new TenantRestoreOptions(a, null, true));
        TenantRestoreResult skipP = pages.restore("job3", a, t, new TenantRestoreOptions(a, null, true));
        assertEquals(0, skipL.restored() + skipP.restored(), "nothing added");
        assertEquals(skipL.items(), skipL.skipped());
        assertEquals(skipP.items(), skipP.skipped());
        assertEquals(now, snapshot(a), "the lists as they were");
        assertEquals(names, pageNames(a));
    }

    @Test
    void anItemGraphRefusesAndOneWhoseFileFailsAreFailedItemsTheRestRestored(AzuriteExtension.StorageAccount account) throws Exception {
        Instant t = backUp(account, 83);
        ProtectedItem b = SimSites.site(sim, 2);
        // Both in the target's Issues, which no list looks up: an item that failed is not one another's lookup had to leave out.
        String issues = null;
        for (JsonNode i : sim.snapshot(b.id()).path("lists")) {
            issues = i.path("list").asText().equals("Issues") ? i.path("listId").asText() : issues;
        }
        ObjectNode fault = JSON.createObjectNode();
        ArrayNode inject = fault.putArray("inject");
        inject.addObject().put("path", "/lists/" + issues + "/items").put("method", "POST").put("status", 400).put("code", "invalidRequest")
                .put("count", 1).put("after", 3);
        inject.addObject().put("path", "(guid'" + issues + "')").put("method", "POST").put("status", 400)
                .put("code", "-1, Microsoft.SharePoint.SPException").put("count", 1);
        sim.faults(fault);
        int before = snapshot(b).size();
        ListRestore restore = new ListRestore(repo, graph);
        TenantRestoreResult first = restore.restore("job1", a, t, new TenantRestoreOptions(b, null, false));
        assertEquals(2, first.failures().size(), first.failures().toString());
        assertTrue(first.failures().toString().contains("partial copy was removed"), first.failures().toString());
        assertEquals(first.items() - 2, first.restored());
        assertEquals(before + first.items() - 2, snapshot(b).size(), "the two are not there, the rest are");

        TenantRestoreResult again = restore.restore("job2", a, t, new TenantRestoreOptions(b, null, true));
        assertTrue(again.complete(), again.failures().toString());
        assertEquals(2, again.restored(), "the re-run restores the two, and only them");
        assertEquals(before + first.items(), snapshot(b).size());

        ProtectedItem none = new ProtectedItem("site", "contoso.sharepoint.com,00000000-0000-0000-0000-000000000000,00000000-0000-0000-0000-000000000000");
        RestoreRefusedException missing = assertThrows(RestoreRefusedException.class,
                () -> restore.restore("job3", a, t, new TenantRestoreOptions(none, null, false)));
        assertTrue(missing.getMessage().startsWith(none + " has no site Graph can reach (404"), missing.getMessage());
        assertEquals(before + first.items(), snapshot(b).size(), "nothing written");
    }

    @Test
    void aPageGraphRefusesWithItsWebPartsIsRestoredWithoutThemAndSaysWhich(AzuriteExtension.StorageAccount account) throws Exception {
        Instant t = backUp(account, 84);
        ProtectedItem b = SimSites.site(sim, 2);
        sim.faults(JSON.readTree("{\"inject\": [{\"path\": \"/pages\", \"method\": \"POST\", \"status\": 400, \"code\": \"invalidRequest\", \"count\": 1}]}"));
        TenantRestoreResult r = new PageRestore(repo, graph).restore("job1", a, t, new TenantRestoreOptions(b, null, false));
        assertTrue(r.complete(), r.failures().toString());
        assertEquals(3, r.restored());
        assertEquals(1, r.notes().size(), r.notes().toString());
        assertTrue(r.notes().get(0).matches("page .* 1\\.aspx: web part .* \\(Quick links, type c70391ea-0b10-4ee9-b2b4-006d3fcad0cd\\) left out: .*400.*"),
                r.notes().get(0));
        long withQuickLinks = 0;
        for (JsonNode p : sim.snapshot(b.id()).path("pages")) {
            assertTrue(p.path("published").asBoolean(), p.path("name").asText() + " published");
            if (p.path("name").asText().endsWith(" 1.aspx")) {
                withQuickLinks += p.path("canvasLayout").findValues("webPartType").size();
                assertEquals(3, p.path("canvasLayout").findValues("innerHtml").size(), "its text web parts");
            }
        }
        assertEquals(2, withQuickLinks, "the other two pages keep theirs");
    }

    @Test
    void aPointInTimeBeforeADeletionBringsTheItemAndThePageBack(AzuriteExtension.StorageAccount account) throws Exception {
        Instant t1 = backUp(account, 85);
        Map<String, List<String>> before = SiteViews.of(repo, a, t1).items(null);
        JsonNode victim = null;
        for (JsonNode i : sim.snapshot(a.id()).path("lists")) {
            victim = i.path("list").asText().equals("Issues") && victim == null ? i : victim;
        }
        String site = "/sites/" + a.id();
        graph.requests().send(HttpMethod.DELETE, site + "/lists/" + victim.get("listId").asText() + "/items/" + victim.get("id").asText(), null, null);
        JsonNode page = sim.snapshot(a.id()).path("pages").get(1);
        graph.requests().send(HttpMethod.DELETE, site + "/pages/" + page.get("id").asText(), null, null);
        Instant t2 = t1.plusSeconds(60);
        SimTenant.backup(sim, repo, a, t2);
        assertFalse(SiteViews.of(repo, a, t2).items(null).equals(before));

        ListRestore lists = new ListRestore(repo, graph);
        PageRestore pages = new PageRestore(repo, graph);
        assertEquals(0, lists.restore("job1", a, t2, new TenantRestoreOptions(a, null, true)).restored(), "at t2 the site holds all the backup has");
        assertEquals(0, pages.restore("job1", a, t2, new TenantRestoreOptions(a, null, true)).restored());
        TenantRestoreResult l = lists.restore("job2", a, t1, new TenantRestoreOptions(a, null, true));
        TenantRestoreResult p = pages.restore("job2", a, t1, new TenantRestoreOptions(a, null, true));
        assertTrue(l.complete() && p.complete(), l.failures() + " " + p.failures());
        assertEquals(1, l.restored(), "the deleted item, and nothing else");
        assertEquals(1, p.restored(), "the deleted page, and nothing else");
        Instant t3 = t2.plusSeconds(60);
        SimTenant.backup(sim, repo, a, t3);
        assertEquals(before, SiteViews.of(repo, a, t3).items(null), "back with its values");
        assertEquals(SiteViews.pages(repo, a, t1).keySet(), SiteViews.pages(repo, a, t3).keySet(), "back under its name");
        assertEquals(SiteViews.pages(repo, a, t1).get(page.get("name").asText()), SiteViews.pages(repo, a, t3).get(page.get("name").asText()));
    }

    @Test
    void withAClientSecretTheItemsAreRestoredWithoutTheirFilesAndTheNotesSaySo(AzuriteExtension.StorageAccount account) throws Exception {
        Instant t = backUp(account, 86);
        ProtectedItem b = SimSites.site(sim, 2);
        int items = snapshot(b).size();
        int files = SimSites.simAttachments(sim, b).size();
        sim.startTls();
        SimTls.trustInThisJvm();
        String tenant = "5f1e2d3c-0000-4000-8000-0000000000ee";
        String app = "6a2b3c4d-0000-4000-8000-0000000000ff";
        sim.registerApp(tenant, app, "s3cret~value");
        try (TenantGraph secret = GraphClients.create(new GraphSettings(tenant, app, "s3cret~value", null, null, sim.tlsBaseUrl(), sim.authorityHost()),
                ThrottleConfig.defaults())) {
            TenantRestoreResult r = new ListRestore(repo, secret).restore("job1", a, t, new TenantRestoreOptions(b, null, false));
            assertTrue(r.complete(), r.failures().toString());
            assertEquals(r.items(), r.restored());
            assertTrue(r.notes().stream().anyMatch(n -> n.matches("list Tasks: attachments not restored, SharePoint REST refuses this app: the app signs in"
                    + " with a client secret \\(GRAPH_CLIENT_SECRET\\).* \\([1-9]\\d* items?\\)")), r.notes().toString());
        }
        assertEquals(items + SiteViews.of(repo, a, t).items(null).values().stream().mapToInt(List::size).sum(), snapshot(b).size(), "every item");
        assertEquals(files, SimSites.simAttachments(sim, b).size(), "no file added");
    }

    /** Each list's values of both, sorted. */
    private static Map<String, List<String>> merged(Map<String, List<String>> x, Map<String, List<String>> y) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Map<String, List<String>> m : List.of(x, y)) {
            m.forEach((k, v) -> out.computeIfAbsent(k, n -> new ArrayList<>()).addAll(v));
        }
        out.values().forEach(v -> v.sort(null));
        return out;
    }

    /** "listId:itemId" -> sha256 of the fields and attachments of every item of the site's lists graph-sim has (the people list left out). */
    private Map<String, String> snapshot(ProtectedItem site) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode i : sim.snapshot(site.id()).path("lists")) {
            if (SimSites.backedUp(i) && !i.path("template").asText().equals("userInformation")) {
                out.put(i.get("listId").asText() + ":" + i.get("id").asText(), i.get("sha256").asText() + " " + i.get("attachments"));
            }
        }
        return out;
    }

    private List<String> pageNames(ProtectedItem site) {
        List<String> out = new ArrayList<>();
        sim.snapshot(site.id()).path("pages").forEach(p -> out.add(p.path("name").asText()));
        out.sort(null);
        return out;
    }

    /**
     * A tenant whose site {@link #a} has, beside its generated lists, a "Books" list made through
     * Graph (text, number, choice, person, a lookup into Tasks, managed metadata, a read-only column) with items and
     * an attachment; its lists and pages backed up into {@link #repo}. Returns the backup's time.
     */
    private Instant backUp(AzuriteExtension.StorageAccount account, long seed) throws Exception {
        sim = GraphSim.builder().seed(seed).users(10).build().start();
        repo = SimTenant.repo(account, tmp, "lr");
        graph = SimTenant.graph(sim);
        a = SimSites.site(sim, 1);
        String site = "/sites/" + a.id();
        String tasks = graph.requests().getJson(site + "/lists/Tasks?$select=id", Map.of()).path("id").asText();
        List<String> people = new ArrayList<>();
        for (JsonNode i : sim.snapshot(a.id()).path("lists")) {
            if (i.path("list").asText().equals("Issues")) {
                people.add(i.path("fields").path("AssignedToLookupId").asText());
            }
        }
        ObjectNode list = JSON.createObjectNode().put("displayName", "Books");
        list.putObject("list").put("template", "genericList");
        ArrayNode columns = list.putArray("columns");
        columns.addObject().put("name", "BookAuthor").putObject("text");
        columns.addObject().put("name", "Pages").putObject("number");
        columns.addObject().put("name", "Genre").putObject("choice").putArray("choices").add("Novel").add("Essay");
        columns.addObject().put("name", "Owner").putObject("personOrGroup").put("chooseFromType", "peopleOnly");
        columns.addObject().put("name", "Task").putObject("lookup").put("listId", tasks).put("columnName", "Title");
        columns.addObject().put("name", "Legacy").put("readOnly", true).putObject("text");
        columns.addObject().put("name", "Topic").putObject("term").put("showFullyQualifiedName", false);
        String books = graph.requests().postJson(site + "/lists", list).path("id").asText();
        for (int k = 0; k < 4; k++) {
            ObjectNode fields = JSON.createObjectNode().put("Title", "Book " + k).put("BookAuthor", "Author " + k).put("Pages", 100 + k)
                    .put("Genre", k % 2 == 0 ? "Novel" : "Essay").put("OwnerLookupId", people.get(k)).put("TaskLookupId", Integer.toString(k + 2));
            graph.requests().postJson(site + "/lists/" + books + "/items", JSON.createObjectNode().set("fields", fields));
        }
        String webUrl = graph.requests().getJson(site + "?$select=webUrl", Map.of()).path("webUrl").asText();
        String add = webUrl + "/_api/web/lists(guid'" + books + "')/items(2)/AttachmentFiles/add(FileName='Cover.txt')";
        graph.sharePoint(add).send(HttpMethod.POST, add, "a cover".getBytes(), "application/octet-stream");
        Instant t = Instant.now();
        SimTenant.backup(sim, repo, a, t);
        return t;
    }

    @AfterEach
    void close() throws Exception {
        try (GraphSim s = sim; Repository r = repo; TenantGraph g = graph) {
            // closed in reverse order
        }
    }
}
