package io.m365vault.restore.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * Which of a backed-up list's columns a restore writes, and the columnDefinition it creates one
 * with. Left out: read-only, hidden and sealed columns (SharePoint's own: Created, Modified,
 * Author, ID...), the system columns by name (some lists report them writable), and legacy ones
 * with no type facet Graph documents. A calculated or managed metadata column is created but its
 * values are not written ({@link #unvalued}).
 */
final class ListColumnsOut {
    /** The type facets of columnDefinition (v1.0) a create takes. */
    static final Set<String> TYPES = Set.of("boolean", "calculated", "choice", "currency", "dateTime", "geolocation", "hyperlinkOrPicture",
            "lookup", "number", "personOrGroup", "term", "text", "thumbnail");
    /** SharePoint's own columns, which a list of any template has and a client never writes. */
    static final Set<String> SYSTEM = Set.of("ID", "ContentType", "Attachments", "Created", "Modified", "Author", "Editor", "_UIVersionString",
            "Edit", "LinkTitle", "LinkTitleNoMenu", "DocIcon", "ItemChildCount", "FolderChildCount", "AppAuthor", "AppEditor",
            "_ComplianceFlags", "_ComplianceTag", "_ComplianceTagWrittenTime", "_ComplianceTagUserId", "_IsRecord", "ComplianceAssetId",
            "_ColorTag", "_DisplayName");
    /** Made by every list template: found in the target, never created. */
    static final String TITLE = "Title";

    private ListColumnsOut() {
    }

    /** Why the column is not restored, or null when it is. */
    static String leftOut(JsonNode column) {
        String name = column.path("name").asText("");
        if (SYSTEM.contains(name) || column.path("readOnly").asBoolean(false)) {
            return "read-only";
        }
        if (column.path("hidden").asBoolean(false)) {
            return "hidden";
        }
        if (column.path("sealed").asBoolean(false)) {
            return "sealed";
        }
        return type(column) == null ? "no type Graph can create" : null;
    }

    /** The column's type facet, or null for none Graph documents. */
    static String type(JsonNode column) {
        for (String t : TYPES) {
            if (column.has(t)) {
                return t;
            }
        }
        return null;
    }

    /** Whether the column's values are ids ({@code <name>LookupId}): a person or a lookup column. */
    static boolean byLookupId(JsonNode column) {
        return column.has("lookup") || column.has("personOrGroup");
    }

    /**
     * Why items' values of the column are not written though the column is, or null when they
     * are: a calculated column's SharePoint computes; a managed metadata (term) value Graph does
     * not write through {@code fields} (SharePoint keeps it in a hidden note column).
     */
    static String unvalued(JsonNode column) {
        return column.has("calculated") ? "calculated by SharePoint" : column.has("term") ? "managed metadata, which Graph does not write" : null;
    }

    /**
     * The columnDefinition to create: the backed-up one without what the server sets (id, the
     * column's own read-only facts); a lookup's {@code listId} the target's list.
     */
    static ObjectNode definition(JsonNode column, String lookupListId) {
        ObjectNode c = ((ObjectNode) column).deepCopy();
        c.remove(java.util.List.of("id", "columnGroup", "isDeletable", "isReorderable", "isSealed", "propagateChanges", "sourceContentType",
                "readOnly", "sealed"));
        java.util.List<String> annotations = new java.util.ArrayList<>();
        c.fieldNames().forEachRemaining(f -> {
            if (f.startsWith("@")) {
                annotations.add(f);
            }
        });
        c.remove(annotations);
        if (lookupListId != null) {
            ((ObjectNode) c.get("lookup")).put("listId", lookupListId);
        }
        return c;
    }
}
