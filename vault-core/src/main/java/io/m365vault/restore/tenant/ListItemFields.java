package io.m365vault.restore.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fields a restored list item is created with: its backed-up values of the columns the target
 * list has ({@link TargetLists.Target}), nothing SharePoint sets itself. A person or lookup value
 * ({@code <name>LookupId}, an id into the site's people list or the looked-up list) is turned into
 * the target's id by {@code ids}; one that has none there is left out, counted in the notes.
 */
final class ListItemFields {
    static final String LOOKUP_ID = "LookupId";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The target's id for a backed-up person or lookup id of {@code column}, or null when it has none. */
    interface Ids {
        String of(JsonNode column, String id);
    }

    private ListItemFields() {
    }

    static ObjectNode of(JsonNode fields, TargetLists.Target target, String list, Ids ids, RestoreNotes notes) {
        ObjectNode out = JSON.createObjectNode();
        fields.fieldNames().forEachRemaining(name -> {
            JsonNode value = fields.get(name);
            JsonNode column = target.columns().get(name);
            if (column != null && !ListColumnsOut.byLookupId(column)) {
                out.set(name, value);
                return;
            }
            if (!name.endsWith(LOOKUP_ID)) {
                return; // a lookup's shown value, or no column of the target's: only ids are written
            }
            String base = name.substring(0, name.length() - LOOKUP_ID.length());
            column = target.columns().get(base);
            if (column == null || !ListColumnsOut.byLookupId(column)) {
                return;
            }
            JsonNode mapped = mapped(column, value, ids);
            if (mapped == null) {
                notes.count("list " + list + ": " + base + " left out where " + (column.has("personOrGroup")
                        ? "the person is not in the target site's people list" : "the item it looks up is not restored"));
                return;
            }
            out.set(name, mapped);
            if (mapped.isArray()) {
                out.put(name + "@odata.type", "Collection(Edm.Int32)");
            }
        });
        return out;
    }

    /** The value with each id turned into the target's, or null when one has none there. */
    private static JsonNode mapped(JsonNode column, JsonNode value, Ids ids) {
        if (value.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            for (JsonNode v : value) {
                String id = ids.of(column, v.asText());
                if (id == null) {
                    return null;
                }
                out.add(Integer.parseInt(id));
            }
            return out;
        }
        String id = ids.of(column, value.asText());
        return id == null ? null : value.isNumber() ? JSON.getNodeFactory().numberNode(Long.parseLong(id)) : JSON.getNodeFactory().textNode(id);
    }

    /** The values that make an item the same as another, for skip-existing: the fields of these names, in name order. */
    static String key(JsonNode fields, Iterable<String> names) {
        Map<String, String> values = new TreeMap<>();
        for (String n : names) {
            for (String f : new String[] {n, n + LOOKUP_ID}) {
                JsonNode v = fields.get(f);
                if (v != null && !v.isNull()) {
                    values.put(f, v.isTextual() ? v.asText() : v.toString());
                }
            }
        }
        return values.toString();
    }
}
