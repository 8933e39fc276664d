package io.m365vault.graphsim.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An error answered in Graph's shape: {"error":{"code","message","innerError":{date,request-id,...}}}.
 * Thrown by handlers and turned into a response by the server.
 */
public final class GraphError extends RuntimeException {
    public final int status;
    public final String code;
    public final String innerCode;
    public final Map<String, String> headers = new LinkedHashMap<>();

    public GraphError(int status, String code, String message) {
        this(status, code, message, null);
    }

    public GraphError(int status, String code, String message, String innerCode) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.innerCode = innerCode;
    }

    public GraphError header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public static GraphError badRequest(String code, String message) {
        return new GraphError(400, code, message);
    }

    public static GraphError notFound(String code, String message) {
        return new GraphError(404, code, message);
    }

    /** Outlook's answer for an id it does not know. */
    public static GraphError itemNotFound() {
        return notFound("ErrorItemNotFound", "The specified object was not found in the store.");
    }

    /** Drive/SharePoint's answer for an id it does not know. */
    public static GraphError driveItemNotFound() {
        return notFound("itemNotFound", "The resource could not be found.");
    }

    public static GraphError resourceNotFound(String what) {
        return notFound("Request_ResourceNotFound",
                "Resource '" + what + "' does not exist or one of its queried reference-property objects are not present.");
    }

    public static GraphError noRoute(String method, String path) {
        return new GraphError(400, "BadRequest",
                "Resource not found for the segment '" + lastSegment(path) + "'. (" + method + " " + path + ")");
    }

    private static String lastSegment(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? path : path.substring(i + 1);
    }

    public ObjectNode body(String requestId) {
        ObjectNode root = Json.obj();
        ObjectNode err = root.putObject("error");
        err.put("code", code);
        err.put("message", getMessage());
        ObjectNode inner = err.putObject("innerError");
        if (innerCode != null) {
            inner.put("code", innerCode);
        }
        inner.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", ""));
        inner.put("request-id", requestId == null ? UUID.randomUUID().toString() : requestId);
        inner.put("client-request-id", requestId == null ? UUID.randomUUID().toString() : requestId);
        return root;
    }
}
