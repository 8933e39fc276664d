package io.m365vault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Display values of person and lookup columns, from the lists backed up at the same point in time.
 * Graph gives such a column as {@code <name>LookupId} only (the value comes only when a request
 * selects the column by name, at most 12 of them): a lookup points to an item of the list its
 * column names ({@code lookup.listId}, shown by {@code lookup.columnName}), a person to an item of
 * the site's User Information List (shown by its Title, the person's name).
 */
final class LookupValues {
    static final String PEOPLE_TEMPLATE = "userInformation";

    /** list id -> item id -> fields. */
    private final Map<String, Map<String, JsonNode>> fields = new HashMap<>();
    private String peopleList;

    void add(JsonNode list, List<JsonNode> items) {
        String id = GraphJson.text(list, "id");
        if (PEOPLE_TEMPLATE.equals(GraphJson.text(list, "list", "template"))) {
            peopleList = id;
        }
        Map<String, JsonNode> byId = fields.computeIfAbsent(id, k -> new HashMap<>());
        for (JsonNode i : items) {
            byId.put(GraphJson.text(i, "id"), i.path("fields"));
        }
    }

    /** True for the columns whose values are lookup ids: person or group, and lookup. */
    static boolean isLookup(JsonNode column) {
        return column.has("personOrGroup") || column.has("lookup");
    }

    /**
     * The display value of {@code ids} (one lookup id, or an array of them or of
     * {@code {LookupId: ..}} objects) in {@code column}; null when the list or an item it points to
     * was not backed up at this time.
     */
    JsonNode display(JsonNode column, JsonNode ids) {
        String list = column.has("personOrGroup") ? peopleList : GraphJson.text(column, "lookup", "listId");
        String shown = column.has("personOrGroup") ? "Title" : GraphJson.text(column, "lookup", "columnName");
        Map<String, JsonNode> items = list == null ? null : fields.get(list);
        if (items == null || shown == null) {
            return null;
        }
        if (!ids.isArray()) {
            return one(items, shown, ids);
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (JsonNode id : ids) {
            JsonNode v = one(items, shown, id.isObject() ? id.path("LookupId") : id);
            if (v == null) {
                return null;
            }
            out.add(v);
        }
        return out;
    }

    private static JsonNode one(Map<String, JsonNode> items, String shown, JsonNode id) {
        JsonNode f = items.get(id.asText());
        JsonNode v = f == null ? null : f.get(shown);
        return v == null || v.isNull() ? null : v;
    }
}
