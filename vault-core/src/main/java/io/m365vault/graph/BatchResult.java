package io.m365vault.graph;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** The answer to one {@link BatchStep}: its own status, headers and body (JSON, or base64 text for other content). */
public record BatchResult(String id, int status, Map<String, String> headers, JsonNode body) {
    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
