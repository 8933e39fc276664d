package io.m365vault.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Set;

/** Reads a JSON object sent by a caller: a syntax error, another shape or a field not in the list is one clear line. */
final class StrictJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private StrictJson() {
    }

    static JsonNode object(String text, String what, Set<String> fields) {
        JsonNode n;
        try {
            n = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(what + " is not valid JSON: " + JsonSyntax.describe(e));
        }
        if (n == null || !n.isObject()) {
            throw new InvalidRequestException(what + " must be a JSON object");
        }
        for (Iterator<String> f = n.fieldNames(); f.hasNext(); ) {
            String name = f.next();
            if (!fields.contains(name)) {
                throw new InvalidRequestException(what + " has unknown field '" + name + "'; known: " + String.join(", ", fields.stream().sorted().toList()));
            }
        }
        return n;
    }

    /** A string field, or null when absent; any other type is an error. */
    static String text(JsonNode n, String field, String what) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidRequestException(what + "." + field + " must be a string, got " + v.getNodeType().name().toLowerCase());
        }
        return v.asText();
    }
}
