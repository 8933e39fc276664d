package io.m365vault.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** An HTTP answer of the API: status, JSON body, extra headers (e.g. Location). */
public record ApiResponse(int status, String json, Map<String, String> headers) {
    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public static ApiResponse ok(Object json) {
        return new ApiResponse(200, json.toString(), Map.of());
    }

    /** {@code {"error":"one clear message"}} */
    public static ApiResponse error(int status, String message) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("error", message);
        return new ApiResponse(status, n.toString(), Map.of());
    }
}
