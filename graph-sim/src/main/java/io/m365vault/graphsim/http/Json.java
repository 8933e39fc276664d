package io.m365vault.graphsim.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The one ObjectMapper of the simulator and small helpers to build Graph JSON. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static ObjectNode obj() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode arr() {
        return MAPPER.createArrayNode();
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a request body; malformed JSON is the client's error, as Graph answers it. */
    public static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw GraphError.badRequest("BadRequest", "Empty Payload. JSON content expected.");
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw GraphError.badRequest("BadRequest", "Unable to read JSON request payload. " + e.getMessage());
        }
    }

    /** A deleted Outlook item in a delta page: its type, its id and {@code @removed}. */
    public static ObjectNode removed(String odataType, String id) {
        ObjectNode j = obj();
        j.put("@odata.type", odataType);
        j.put("id", id);
        j.putObject("@removed").put("reason", "deleted");
        return j;
    }

    public static ObjectNode emailAddress(String name, String address) {
        ObjectNode r = obj();
        ObjectNode e = r.putObject("emailAddress");
        e.put("name", name);
        e.put("address", address);
        return r;
    }

    /**
     * A property looked up ignoring case: the SDK writes action parameters in PascalCase
     * ("DestinationId") and Graph accepts either.
     */
    public static JsonNode get(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        if (v != null) {
            return v;
        }
        var it = node.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (f.equalsIgnoreCase(field)) {
                return node.get(f);
            }
        }
        return null;
    }

    public static String text(JsonNode node, String field, String fallback) {
        JsonNode v = get(node, field);
        return v == null || v.isNull() ? fallback : v.asText();
    }
}
