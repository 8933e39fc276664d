package io.m365vault.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.Repository;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A simulated site's lists and pages, and the same views of what the repository holds of them. */
final class SimSites {
    /** The columns SharePoint sets itself, which the simulator's snapshot leaves out of an item's values. */
    static final Set<String> SERVER_FIELDS = Set.of("@odata.etag", "id", "ContentType", "Modified", "Created",
            "_UIVersionString", "Attachments");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SimSites() {
    }

    static ProtectedItem site(GraphSim sim, int index) {
        return new ProtectedItem("site", sim.tenant().sites().sites().get(index).id);
    }

    /** The lists a backup holds: not libraries, not hidden lists, but the people list. */
    static boolean backedUp(JsonNode snapshotEntry) {
        String template = snapshotEntry.get("template").asText();
        return template.equals("userInformation") || !template.endsWith("Library") && !snapshotEntry.get("hidden").asBoolean();
    }

    /** "listId:itemId" -> the item's column values, keys sorted. */
    static Map<String, String> simItems(GraphSim sim, ProtectedItem site) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode i : sim.snapshot(site.id()).path("lists")) {
            if (backedUp(i)) {
                out.put(i.get("listId").asText() + ":" + i.get("id").asText(), values(i.get("fields")));
            }
        }
        return out;
    }

    static Map<String, String> backedUpItems(Repository repo, ProtectedItem site, Instant t) {
        Map<String, String> out = new TreeMap<>();
        repo.catalog().at(site.partition(Workload.LISTS), t, ItemKind.LIST_ITEM, e -> {
            ObjectNode fields = (ObjectNode) Json.read(e.metadata()).get("fields").deepCopy();
            fields.remove(SERVER_FIELDS);
            out.put(e.itemId(), values(fields));
        });
        return out;
    }

    /** "listId:itemId/file name" -> the SHA-256 of every list item attachment graph-sim has now. */
    static Map<String, String> simAttachments(GraphSim sim, ProtectedItem site) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode i : sim.snapshot(site.id()).path("lists")) {
            for (JsonNode a : i.path("attachments")) {
                out.put(i.get("listId").asText() + ":" + i.get("id").asText() + "/" + a.get("name").asText(), a.get("sha256").asText());
            }
        }
        return out;
    }

    /** The same of the attachments the repository holds at {@code t}, their content read back. */
    static Map<String, String> backedUpAttachments(Repository repo, ProtectedItem site, Instant t) {
        Map<String, String> out = new TreeMap<>();
        repo.catalog().at(site.partition(Workload.LISTS), t, ItemKind.LIST_ATTACHMENT,
                e -> out.put(e.itemId(), SimTenant.sha256(repo.reader().readAll(e.content()))));
        return out;
    }

    /** list id -> display name of every list backed up at {@code t}. */
    static Map<String, String> backedUpLists(Repository repo, ProtectedItem site, Instant t) {
        Map<String, String> out = new TreeMap<>();
        repo.catalog().at(site.partition(Workload.LISTS), t, ItemKind.LIST,
                e -> out.put(e.itemId(), Json.read(e.metadata()).get("displayName").asText()));
        return out;
    }

    /** The backed-up list named {@code name} at {@code t}: its list JSON with columns and content types. */
    static JsonNode backedUpList(Repository repo, ProtectedItem site, Instant t, String name) {
        JsonNode[] found = {null};
        repo.catalog().at(site.partition(Workload.LISTS), t, ItemKind.LIST, e -> {
            JsonNode l = Json.read(e.metadata());
            if (l.get("displayName").asText().equals(name)) {
                found[0] = l;
            }
        });
        return found[0];
    }

    /** page id -> "title|sha256 of canvasLayout". */
    static Map<String, String> simPages(GraphSim sim, ProtectedItem site) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode p : sim.snapshot(site.id()).path("pages")) {
            out.put(p.get("id").asText(), p.get("title").asText() + "|" + p.get("sha256").asText());
        }
        return out;
    }

    static Map<String, String> backedUpPages(Repository repo, ProtectedItem site, Instant t) {
        Map<String, String> out = new TreeMap<>();
        for (CatalogEntry e : repo.catalog().at(site.partition(Workload.PAGES), t)) {
            JsonNode page = Json.read(repo.reader().readAll(e.content()));
            out.put(e.itemId(), page.get("title").asText() + "|" + SimTenant.sha256(Json.bytes(page.get("canvasLayout"))));
        }
        return out;
    }

    private static String values(JsonNode fields) {
        return new TreeMap<>(JSON.convertValue(fields, Map.class)).toString();
    }
}
