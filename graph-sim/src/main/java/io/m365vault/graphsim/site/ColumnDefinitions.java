package io.m365vault.graphsim.site;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.model.Ids;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A columnDefinition a client creates (in a list create's {@code columns} or a column create), as
 * Graph takes it: a name and exactly one of the documented type facets; a lookup's {@code listId}
 * a list of the same site. The column gets its id and the defaults Graph reports.
 */
final class ColumnDefinitions {
    /** The type facets of columnDefinition (v1.0). */
    static final Set<String> TYPES = Set.of("boolean", "calculated", "choice", "contentApprovalStatus", "currency", "dateTime",
            "geolocation", "hyperlinkOrPicture", "lookup", "number", "personOrGroup", "term", "text", "thumbnail");

    private ColumnDefinitions() {
    }

    static ObjectNode created(SiteContent site, SiteList list, JsonNode given) {
        if (given == null || !given.isObject() || !given.path("name").isTextual() || given.path("name").asText().isBlank()) {
            throw GraphError.badRequest("invalidRequest", "A column needs a name.");
        }
        List<String> facets = new ArrayList<>();
        given.fieldNames().forEachRemaining(f -> {
            if (TYPES.contains(f)) {
                facets.add(f);
            }
        });
        String name = given.get("name").asText();
        if (facets.size() != 1) {
            throw GraphError.badRequest("invalidRequest", "Column '" + name + "' must have exactly one type facet, not " + facets + ".");
        }
        if (facets.get(0).equals("lookup") && !site.lists.containsKey(given.path("lookup").path("listId").asText())) {
            throw GraphError.badRequest("invalidRequest", "The lookup column '" + name + "' names no list of this site.");
        }
        ObjectNode c = ((ObjectNode) given).deepCopy();
        c.put("id", Ids.uuid(0, "column:" + list.id + ":" + name).toString());
        c.put("displayName", given.path("displayName").asText(name));
        c.put("description", given.path("description").asText(""));
        c.put("columnGroup", given.path("columnGroup").asText("Custom Columns"));
        for (String flag : new String[] {"enforceUniqueValues", "hidden", "indexed", "readOnly", "required"}) {
            c.put(flag, given.path(flag).asBoolean(false));
        }
        return c;
    }
}
