package io.m365vault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graph.TenantGraph;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.Repository;
import io.m365vault.restore.tenant.ContactRestore;
import io.m365vault.restore.tenant.TenantRestoreOptions;
import io.m365vault.restore.tenant.TenantRestoreResult;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contacts restored into the tenant through the real Graph SDK against graph-sim over HTTP, from
 * a repository on Azurite: in their folders, with their photos, compared with the original as
 * graph-sim shows both and as a backup of the target holds them.
 */
@ExtendWith(AzuriteExtension.class)
class ContactRestoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the server sets on a contact, which a copy cannot keep. */
    private static final String[] SERVER = {"id", "createdDateTime", "lastModifiedDateTime", "changeKey", "parentFolderId", "@odata.etag",
            "@odata.type"};

    @TempDir
    Path tmp;

    @Test
    void contactsRestoredToAnotherUserEqualTheOriginalsWithTheirPhotos(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(61).users(12).messagesPerFolder(1).build().start();
             Repository repo = SimTenant.repo(account, tmp, "con");
             TenantGraph graph = SimTenant.graph(sim)) {
            List<String> users = SimTenant.twoMailUsers(sim);
            String a = users.get(0);
            String b = users.get(1);
            Instant t1 = Instant.now();
            SimTenant.backup(sim, repo, a, t1, Workload.CONTACTS);
            Set<String> before = ids(sim, b);
            TenantRestoreResult r = new ContactRestore(repo, graph).restore("job1", new ProtectedItem("user", a), t1,
                    new TenantRestoreOptions(new ProtectedItem("user", b), null, false));
            assertTrue(r.complete(), r.failures().toString());
            assertEquals(0, r.foldersCreated(), "the folders of those names are used");
            Map<String, String> original = shown(sim, a, Set.of());
            assertEquals(original, shown(sim, b, before), "folder, name, every property and the photo of each");
            assertTrue(original.values().stream().anyMatch(v -> !v.endsWith("|none")), "contacts with photos among them");
            assertTrue(original.keySet().stream().anyMatch(k -> k.startsWith("Suppliers|")), "and in a folder of their own");

            Instant t2 = t1.plusSeconds(60);
            SimTenant.backup(sim, repo, b, t2, Workload.CONTACTS);
            assertEquals(catalog(repo, a, t1, Set.of()), catalog(repo, b, t2, before), "what a backup of the target holds is the same");
        }
    }

    @Test
    void aContactWhosePhotoFailsLeavesNothingAndNoRestoreTouchesTheOriginals(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(62).users(12).messagesPerFolder(1).build().start();
             Repository repo = SimTenant.repo(account, tmp, "con");
             TenantGraph graph = SimTenant.graph(sim)) {
            String a = SimTenant.twoMailUsers(sim).get(0);
            Instant t = Instant.now();
            SimTenant.backup(sim, repo, a, t, Workload.CONTACTS);
            Map<String, String> originals = byId(sim, a);
            ObjectNode fault = JSON.createObjectNode();
            fault.putArray("inject").addObject().put("path", "/photo/$value").put("method", "PUT").put("status", 400)
                    .put("code", "ErrorInvalidImage").put("count", 1);
            sim.faults(fault);
            ProtectedItem item = new ProtectedItem("user", a);
            ContactRestore restore = new ContactRestore(repo, graph);
            TenantRestoreResult first = restore.restore("job1", item, t, new TenantRestoreOptions(item, "Restored", false));
            assertEquals(1, first.failures().size(), first.failures().toString());
            assertTrue(first.failures().get(0).toString().startsWith("contact ") && first.failures().get(0).reason().contains("partial copy was removed"),
                    first.failures().get(0).toString());
            assertEquals(first.items() - 1, first.restored());
            Map<String, String> now = byId(sim, a);
            originals.forEach((id, v) -> assertEquals(v, now.get(id), "original contact " + id + " untouched"));
            assertEquals(originals.size() + first.restored(), now.size(), "the contact whose photo failed is not there without it");

            TenantRestoreResult again = restore.restore("job2", item, t, new TenantRestoreOptions(item, "Restored", true));
            assertTrue(again.complete(), again.failures().toString());
            assertEquals(1, again.restored(), "the re-run restores the failed contact, and only it");
            assertEquals(first.restored(), again.skipped());
            Map<String, String> restored = shown(sim, a, originals.keySet());
            assertEquals(original(sim, a, originals.keySet()), restored.values().stream().sorted().toList(),
                    "every contact once, photo and all, in Restored and its subfolder");

            // Into the original folders themselves: a copy beside each original, none changed.
            TenantRestoreResult beside = restore.restore("job3", item, t, new TenantRestoreOptions(item, null, false));
            assertTrue(beside.complete() && beside.foldersCreated() == 0, beside.failures() + " " + beside.foldersCreated());
            Map<String, String> after = byId(sim, a);
            originals.forEach((id, v) -> assertEquals(v, after.get(id), "original contact " + id + " untouched"));
            assertEquals(originals.size() * 3, after.size(), "each original, its copy under Restored, its copy beside it");
        }
    }

    private static Set<String> ids(GraphSim sim, String user) {
        return new HashSet<>(sim.snapshot(user).path("contacts").findValuesAsText("id"));
    }

    private static Map<String, String> byId(GraphSim sim, String user) {
        Map<String, String> out = new TreeMap<>();
        sim.snapshot(user).path("contacts").forEach(c -> out.put(c.get("id").asText(), c.toString()));
        return out;
    }

    /** The originals' "name|sha256|photo" sorted, to compare with their copies wherever they went. */
    private static List<String> original(GraphSim sim, String user, Set<String> ids) {
        return sim.snapshot(user).path("contacts").findParents("id").stream().filter(c -> ids.contains(c.get("id").asText()))
                .map(ContactRestoreTest::line).sorted().toList();
    }

    private static String line(JsonNode c) {
        return c.get("displayName").asText() + "|" + c.get("sha256").asText() + "|" + (c.get("photoSha256").isNull() ? "none" : c.get("photoSha256").asText());
    }

    /** The contacts graph-sim shows, those in {@code except} left out: folder|name -> name|sha256 of the properties|photo. */
    private static Map<String, String> shown(GraphSim sim, String user, Set<String> except) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode c : sim.snapshot(user).path("contacts")) {
            if (!except.contains(c.get("id").asText())) {
                String was = out.put(c.get("folder").asText() + "|" + c.get("displayName").asText(), line(c));
                assertEquals(null, was, "two contacts of one name in one folder: " + c);
            }
        }
        return out;
    }

    /** The catalog's contacts at {@code t}, those in {@code except} left out: name -> the Graph JSON less the server's fields, and the photo's hash. */
    private static Map<String, String> catalog(Repository repo, String user, Instant t, Set<String> except) throws Exception {
        Map<String, String> out = new TreeMap<>();
        Map<String, String> folders = new HashMap<>();
        List<CatalogEntry> rows = repo.catalog().at(new ProtectedItem("user", user).partition(Workload.CONTACTS), t);
        for (CatalogEntry e : rows) {
            if (e.kind().equals(ItemKind.CONTACT_FOLDER)) {
                folders.put(e.itemId(), JSON.readTree(e.metadata()).path("displayName").asText());
            }
        }
        for (CatalogEntry e : rows) {
            if (e.kind().equals(ItemKind.CONTACT) && !except.contains(e.itemId())) {
                ObjectNode j = (ObjectNode) JSON.readTree(e.metadata());
                String folder = folders.getOrDefault(j.path("parentFolderId").asText(), "Contacts");
                j.remove(List.of(SERVER));
                out.put(folder + "|" + j.path("displayName").asText(), j + "|" + (e.content().size() == 0 ? "none"
                        : SimTenant.sha256(repo.reader().readAll(e.content()))));
            }
        }
        return out;
    }
}
