package io.m365vault.restore.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.backup.Json;
import io.m365vault.graph.DeltaPager;
import io.m365vault.graph.GraphRequests;
import io.m365vault.graph.GraphStatusException;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The lists of the target site a list restore writes into, known by display name: a backed-up
 * list found there is used as it is, one missing is created with its template
 * ({@code POST /sites/{id}/lists}). Either way the backed-up columns it lacks are added
 * ({@code POST .../columns}), so every value has its column: the template's own first (an issue
 * tracker's Status is not made twice), then the rest; those {@link ListColumnsOut} leaves out, a
 * lookup whose list is not restored and a column Graph refuses are said in the notes.
 */
final class TargetLists {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A target list: its id, and the backed-up columns (by name) its items' values go into. */
    record Target(String id, Map<String, JsonNode> columns) {
    }

    private final GraphRequests graph;
    private final DeltaPager pager;
    private final String site;
    private final Map<String, String> byName = new HashMap<>();
    private int created;

    /** @param site the target site's path, {@code /sites/{id}} */
    private TargetLists(GraphRequests graph, DeltaPager pager, String site) {
        this.graph = graph;
        this.pager = pager;
        this.site = site;
    }

    static TargetLists of(GraphRequests graph, DeltaPager pager, String site) throws IOException {
        TargetLists t = new TargetLists(graph, pager, site);
        for (JsonNode l : pager.all(site.substring(1) + "/lists?$select=id,displayName")) {
            t.byName.put(key(l), l.path("id").asText());
        }
        return t;
    }

    int created() {
        return created;
    }

    /**
     * The target of {@code list}, made or completed as needed.
     *
     * @param lists the target list of each backed-up list done so far, by backed-up id: where a lookup column points
     */
    Target ensure(JsonNode list, Map<String, String> lists, RestoreNotes notes) throws IOException {
        String name = list.path("displayName").asText();
        String id = byName.get(key(list));
        if (id == null) {
            ObjectNode body = JSON.createObjectNode().put("displayName", name);
            if (list.hasNonNull("description")) {
                body.put("description", list.get("description").asText());
            }
            body.putObject("list").put("template", list.path("list").path("template").asText("genericList"));
            id = graph.postJson(site + "/lists", body).path("id").asText();
            byName.put(key(list), id);
            created++;
        }
        String path = site + "/lists/" + Json.seg(id) + "/columns";
        Map<String, JsonNode> there = new HashMap<>();
        for (JsonNode c : pager.all(path.substring(1))) {
            there.put(c.path("name").asText(), c);
        }
        Map<String, JsonNode> columns = new LinkedHashMap<>();
        for (JsonNode c : list.path("columns")) {
            String column = c.path("name").asText();
            String why = ListColumnsOut.leftOut(c);
            if (why != null) {
                if (!ListColumnsOut.SYSTEM.contains(column)) {
                    notes.add("list " + name + ": column " + column + " left out (" + why + ")");
                }
                continue;
            }
            if (!there.containsKey(column) && !add(path, list, c, lists, notes)) {
                continue;
            }
            String unvalued = ListColumnsOut.unvalued(c);
            if (unvalued == null) {
                columns.put(column, c);
            } else {
                notes.add("list " + name + ": the values of column " + column + " left out (" + unvalued + ")");
            }
        }
        return new Target(id, columns);
    }

    /** Adds the column; false, with a note, when it cannot be. */
    private boolean add(String path, JsonNode list, JsonNode column, Map<String, String> lists, RestoreNotes notes) throws IOException {
        String name = list.path("displayName").asText() + ": column " + column.path("name").asText();
        String lookupList = null;
        if (column.has("lookup")) {
            lookupList = lists.get(column.path("lookup").path("listId").asText());
            if (lookupList == null) {
                notes.add("list " + name + " left out: the list it looks up is not restored");
                return false;
            }
        }
        try {
            graph.postJson(path, ListColumnsOut.definition(column, lookupList));
            return true;
        } catch (GraphStatusException e) {
            if (RestoreRun.stopsAll(e)) {
                throw e;
            }
            notes.add("list " + name + " not created, its values left out: " + e.getMessage());
            return false;
        }
    }

    private static String key(JsonNode list) {
        return list.path("displayName").asText().toLowerCase(Locale.ROOT);
    }
}
