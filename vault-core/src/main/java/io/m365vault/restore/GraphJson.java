package io.m365vault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.m365vault.repo.CatalogEntry;
import java.io.IOException;

/** Reads the Graph JSON kept as catalog metadata; absent, null and blank values all read as null. */
final class GraphJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphJson() {
    }

    /** Content that is Graph JSON (a page's sitePage). */
    static JsonNode read(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException ex) {
            throw new ExportException("content that should be Graph JSON is not JSON: " + ex.getMessage(), ex);
        }
    }

    static JsonNode of(CatalogEntry e) {
        try {
            return JSON.readTree(e.metadata());
        } catch (IOException ex) {
            throw new ExportException("catalog row " + e.itemId() + " of " + e.partition() + " has metadata that is not JSON", ex);
        }
    }

    /** The text at a path of field names, or null. */
    static String text(JsonNode node, String... path) {
        JsonNode n = at(node, path);
        if (n.isMissingNode() || n.isNull() || n.isContainerNode()) {
            return null;
        }
        String s = n.asText();
        return s.isBlank() ? null : s;
    }

    static JsonNode at(JsonNode node, String... path) {
        JsonNode n = node == null ? MissingNode.getInstance() : node;
        for (String p : path) {
            n = n.path(p);
        }
        return n;
    }

    static boolean bool(JsonNode node, String field) {
        return node.path(field).asBoolean(false);
    }
}
