package io.m365vault.graphsim.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response before it is written: status, headers and a body that may be produced lazily. */
public final class Res {
    public final int status;
    public final Map<String, String> headers = new LinkedHashMap<>();
    public final Content body;
    /** The JSON form of the body when there is one, so $batch can embed it without reparsing. */
    public final JsonNode json;
    /** Serve only part of the body, then drop the connection (a fault). */
    public boolean resetMidway;

    private Res(int status, Content body, JsonNode json) {
        this.status = status;
        this.body = body;
        this.json = json;
    }

    public static Res json(JsonNode node) {
        return json(200, node);
    }

    public static Res json(int status, JsonNode node) {
        Res r = new Res(status, Content.of(Json.bytes(node)), node);
        r.headers.put("Content-Type", "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8");
        return r;
    }

    public static Res empty(int status) {
        return new Res(status, null, null);
    }

    public static Res bytes(int status, String contentType, Content content) {
        Res r = new Res(status, content, null);
        r.headers.put("Content-Type", contentType);
        return r;
    }

    public static Res text(int status, String text) {
        return bytes(status, "text/plain; charset=utf-8", Content.of(text.getBytes(StandardCharsets.UTF_8)));
    }

    public static Res redirect(String location) {
        Res r = empty(302);
        r.headers.put("Location", location);
        return r;
    }

    public Res header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
