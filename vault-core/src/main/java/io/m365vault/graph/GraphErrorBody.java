package io.m365vault.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/**
 * Graph's error body, {@code {"error":{"code","message","innerError":{"code"}}}}, or SharePoint
 * REST's ({@code odata.error}, or {@code error_description} for a refused token), read leniently:
 * a body that is none of these gives empty fields, never an exception.
 */
record GraphErrorBody(String code, String message, String innerCode) {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final GraphErrorBody NONE = new GraphErrorBody("", "", "");

    static GraphErrorBody parse(byte[] body) {
        if (body == null || body.length == 0) {
            return NONE;
        }
        try {
            JsonNode root = JSON.readTree(body);
            if (root.has("odata.error")) {
                // SharePoint REST (odata=nometadata): {"odata.error":{"code","message":{"lang","value"}}}
                JsonNode e = root.path("odata.error");
                return new GraphErrorBody(e.path("code").asText(""), e.path("message").path("value").asText(""), "");
            }
            if (root.path("error").isTextual() || root.has("error_description")) {
                // SharePoint's refusal of a token: {"error_description":"Unsupported app only token."}
                return new GraphErrorBody(root.path("error").asText(""), root.path("error_description").asText(""), "");
            }
            JsonNode e = root.path("error");
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
