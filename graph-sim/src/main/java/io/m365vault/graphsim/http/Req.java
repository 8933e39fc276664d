package io.m365vault.graphsim.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** One request as the handlers see it: normalized path segments, query, headers, body. */
public final class Req {
    public final String method;
    public final List<String> segments;
    public final Map<String, String> functionArgs;
    public final Map<String, String> query;
    private final TreeMap<String, String> headers;
    public final byte[] body;
    /** e.g. http://127.0.0.1:8080/v1.0, the prefix of every link the simulator hands out. */
    public final String baseUrl;
    public final String requestId;

    public Req(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body,
               String baseUrl, String requestId) {
        this.method = method.toUpperCase(Locale.ROOT);
        PathParser.Parsed p = PathParser.parse(rawPath);
        this.segments = Collections.unmodifiableList(p.segments());
        this.functionArgs = p.functionArgs();
        this.query = PathParser.parseQuery(rawQuery);
        TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        this.headers = h;
        this.body = body == null ? new byte[0] : body;
        this.baseUrl = baseUrl;
        this.requestId = requestId;
    }

    private Req(Req o, List<String> segments) {
        this.method = o.method;
        this.segments = Collections.unmodifiableList(segments);
        this.functionArgs = o.functionArgs;
        this.query = o.query;
        this.headers = o.headers;
        this.body = o.body;
        this.baseUrl = o.baseUrl;
        this.requestId = o.requestId;
    }

    /** The same request addressed to other segments (after an alias rewrite). */
    public Req withSegments(List<String> newSegments) {
        return new Req(this, newSegments);
    }

    public String header(String name) {
        return headers.get(name);
    }

    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    /** A query parameter, with or without the OData '$' prefix. */
    public String q(String name) {
        String v = query.get(name);
        if (v == null && name.startsWith("$")) {
            v = query.get(name.substring(1));
        }
        return v;
    }

    public String path() {
        return String.join("/", segments);
    }

    /** The normalized path, each segment percent-encoded again, fit to put in a link. */
    public String encodedPath() {
        StringBuilder b = new StringBuilder();
        for (String s : segments) {
            if (b.length() > 0) {
                b.append('/');
            }
            b.append(encodeSegment(s));
        }
        return b.toString();
    }

    /** Absolute link to this resource path with the given query (already a name -> value map). */
    public String link(String pathSuffix, Map<String, String> params) {
        StringBuilder b = new StringBuilder(baseUrl).append('/').append(pathSuffix);
        char sep = '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            b.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            sep = '&';
        }
        return b.toString();
    }

    public static String encodeSegment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
