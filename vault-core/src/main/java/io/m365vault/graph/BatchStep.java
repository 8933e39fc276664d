package io.m365vault.graph;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * One request of a JSON batch.
 *
 * @param url  relative to the version root, e.g. {@code /users/{id}/messages/{id}}
 * @param body JSON body or null
 */
public record BatchStep(String id, String method, String url, Map<String, String> headers, JsonNode body) {
    public BatchStep {
        if (id == null || id.isEmpty() || method == null || url == null || !url.startsWith("/")) {
            throw new IllegalArgumentException("a batch step needs an id, a method and a URL starting with '/', got " + id + " " + method + " " + url);
        }
        headers = Map.copyOf(headers);
    }

    public static BatchStep get(String id, String url) {
        return new BatchStep(id, "GET", url, Map.of(), null);
    }
}
