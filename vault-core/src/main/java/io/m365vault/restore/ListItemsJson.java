package io.m365vault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * One list item as {@code items.json} has it: the item's own facts and every field Graph gave,
 * typed by the list's columns (a number column's value a JSON number, a yes/no column's a boolean,
 * dates as Graph's ISO 8601 text), and for each person or lookup column its display value beside
 * its id, named as Graph names them: {@code AssignedTo} next to {@code AssignedToLookupId}.
 */
final class ListItemsJson {
    static final String LOOKUP_ID = "LookupId";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Map<String, JsonNode> columns = new HashMap<>();
    private final LookupValues lookups;

    ListItemsJson(JsonNode list, LookupValues lookups) {
        this.lookups = lookups;
        for (JsonNode c : list.path("columns")) {
            columns.put(c.path("name").asText(), c);
        }
    }

    ObjectNode item(JsonNode item) {
        ObjectNode out = NODES.objectNode();
        out.put("id", GraphJson.text(item, "id"));
        out.put("contentType", GraphJson.text(item, "contentType", "name"));
        out.put("createdDateTime", GraphJson.text(item, "createdDateTime"));
        out.put("createdBy", GraphJson.text(item, "createdBy", "user", "displayName"));
        out.put("lastModifiedDateTime", GraphJson.text(item, "lastModifiedDateTime"));
        out.put("lastModifiedBy", GraphJson.text(item, "lastModifiedBy", "user", "displayName"));
        out.put("eTag", GraphJson.text(item, "eTag"));
        out.put("webUrl", GraphJson.text(item, "webUrl"));
        ObjectNode fields = out.putObject("fields");
        JsonNode given = item.path("fields");
        given.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("@odata.")) {
                return; // the item's eTag again, not a column
            }
            JsonNode value = given.get(name);
            JsonNode column = lookupColumn(name);
            if (column != null && !given.has(column.path("name").asText())) {
                JsonNode shown = lookups.display(column, value);
                if (shown != null) {
                    fields.set(column.path("name").asText(), shown);
                }
            }
            fields.set(name, typed(columns.get(name), value));
        });
        return out;
    }

    /** The person or lookup column whose id field {@code name} is ({@code <column>LookupId}), or null. */
    private JsonNode lookupColumn(String name) {
        if (!name.endsWith(LOOKUP_ID)) {
            return null;
        }
        JsonNode c = columns.get(name.substring(0, name.length() - LOOKUP_ID.length()));
        return c != null && LookupValues.isLookup(c) ? c : null;
    }

    /** A value as its column's type says, where Graph sent it as text (SharePoint does for some columns). */
    static JsonNode typed(JsonNode column, JsonNode value) {
        if (column == null || !value.isTextual()) {
            return value;
        }
        String s = value.asText();
        try {
            if (column.has("number") || column.has("currency")) {
                return NODES.numberNode(new BigDecimal(s));
            }
        } catch (NumberFormatException notANumber) {
            return value;
        }
        if (column.has("boolean") && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return NODES.booleanNode(Boolean.parseBoolean(s));
        }
        return value;
    }
}
