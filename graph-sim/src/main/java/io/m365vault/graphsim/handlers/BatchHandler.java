package io.m365vault.graphsim.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.http.Req;
import io.m365vault.graphsim.http.Res;
import io.m365vault.graphsim.http.Router;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * JSON batching: up to 20 requests, each run through the same pipeline as a single request
 * (so each can be throttled on its own) and answered with its own status, headers and body.
 */
public final class BatchHandler {
    public static final int MAX_REQUESTS = 20;
    private final Function<Req, Res> dispatch;

    public BatchHandler(Function<Req, Res> dispatch) {
        this.dispatch = dispatch;
    }

    public void register(Router r) {
        r.post("$batch", this::batch);
    }

    private Res batch(Req req, Map<String, String> p) {
        JsonNode body = Json.parse(req.body);
        JsonNode requests = Json.get(body, "requests");
        if (requests == null || !requests.isArray()) {
            throw GraphError.badRequest("BadRequest", "Invalid batch payload: 'requests' array expected.");
        }
        if (requests.size() > MAX_REQUESTS) {
            throw GraphError.badRequest("BadRequest", "Number of batch request steps exceeds the maximum of " + MAX_REQUESTS + ".");
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode r : requests) {
            if (!ids.add(Json.text(r, "id", ""))) {
                throw GraphError.badRequest("BadRequest", "Batch request ids must be unique; '" + Json.text(r, "id", "") + "' repeats.");
            }
        }
        ObjectNode out = Json.obj();
        ArrayNode responses = out.putArray("responses");
        // In order: dependsOn chains are then satisfied, and independent requests may run in any order anyway.
        for (JsonNode r : requests) {
            responses.add(one(req, r));
        }
        return Res.json(out);
    }

    private ObjectNode one(Req outer, JsonNode r) {
        String id = Json.text(r, "id", "");
        String url = Json.text(r, "url", "");
        String method = Json.text(r, "method", "GET");
        if (url.startsWith("http")) {
            url = url.substring(url.indexOf("/v1.0") + 5);
        }
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        String query = q < 0 ? null : url.substring(q + 1);
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode h = Json.get(r, "headers");
        if (h != null) {
            h.fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        }
        JsonNode b = Json.get(r, "body");
        byte[] body = b == null || b.isNull() ? new byte[0]
                : b.isTextual() ? b.asText().getBytes(StandardCharsets.UTF_8) : Json.bytes(b);
        if (b != null && !b.isTextual()) {
            headers.putIfAbsent("Content-Type", "application/json");
        }
        Req sub = new Req(method, path.startsWith("/") ? path : "/" + path, query, headers, body, outer.baseUrl, outer.requestId + "-" + id);
        Res res = dispatch.apply(sub);
        ObjectNode o = Json.obj();
        o.put("id", id);
        o.put("status", res.status);
        ObjectNode rh = o.putObject("headers");
        res.headers.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("request-id") && !k.equalsIgnoreCase("client-request-id")) {
                rh.put(k, v);
            }
        });
        if (res.json != null) {
            o.set("body", res.json);
        } else if (res.body != null && res.body.length() > 0) {
            // Graph sends non-JSON bodies inside a batch base64-encoded.
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            try {
                res.body.write(buf, 0, res.body.length());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            o.put("body", Base64.getEncoder().encodeToString(buf.toByteArray()));
        }
        return o;
    }
}
