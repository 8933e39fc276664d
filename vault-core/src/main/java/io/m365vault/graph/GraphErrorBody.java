package io.m365vault.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * Graph's error body, {@code {"error":{"code","message","innerError":{"code"}}}}, read leniently:
 * a body that is not this shape gives empty fields, never an exception.
 */
record GraphErrorBody(String code, String message, String innerCode) {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final GraphErrorBody NONE = new GraphErrorBody("", "", "");

    static GraphErrorBody parse(byte[] body) {
        if (body == null || body.length == 0) {
            return NONE;
        }
        try {
            JsonNode e = JSON.readTree(body).path("error");
            JsonNode inner = e.has("innerError") ? e.path("innerError") : e.path("innererror");
            return new GraphErrorBody(e.path("code").asText(""), e.path("message").asText(""), inner.path("code").asText(""));
        } catch (IOException notJson) {
            return NONE;
        }
    }

    /** "code: message", or whatever part is known. */
    String summary() {
        if (code.isEmpty()) {
            return message;
        }
        return message.isEmpty() ? code : code + ": " + message;
    }
}
