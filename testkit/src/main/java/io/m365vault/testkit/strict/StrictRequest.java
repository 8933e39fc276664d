package io.m365vault.testkit.strict;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One request as the proxy received it. The body is read only when a rule asks for it, so a
 * large blob upload streams through unbuffered unless something needs to look inside.
 */
public final class StrictRequest {
    private final String method;
    private final URI uri;
    private final Map<String, List<String>> headers;
    private final InputStream in;
    private byte[] body;

    public StrictRequest(String method, URI uri, Map<String, List<String>> headers, InputStream in) {
        this.method = method;
        this.uri = uri;
        this.headers = headers;
        this.in = in;
    }

    /** For rules tested on their own: a request whose body is already known. */
    public static StrictRequest of(String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {
        StrictRequest r = new StrictRequest(method, URI.create(pathAndQuery), headers, InputStream.nullInputStream());
        r.body = body;
        return r;
    }

    public String method() {
        return method;
    }

    public URI uri() {
        return uri;
    }

    /** The path with percent-escapes decoded, e.g. {@code /devstoreaccount1/table(PartitionKey='a',RowKey='b')}. */
    public String path() {
        return uri.getPath();
    }

    /** Query parameters, decoded; the first value of each. */
    public Map<String, String> query() {
        Map<String, String> q = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            q.putIfAbsent(k, v);
        }
        return q;
    }

    public String header(String name) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }

    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The declared Content-Length, or -1 when the request has none. */
    public long contentLength() {
        String v = header("Content-Length");
        return v == null ? -1 : Long.parseLong(v.trim());
    }

    /** Reads the whole body (once) and keeps it for forwarding. */
    public byte[] body() {
        if (body == null) {
            try {
                body = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return body;
    }

    boolean bodyRead() {
        return body != null;
    }

    InputStream stream() {
        return in;
    }

    private static String decode(String s) {
        // '+' is a literal plus in these services' query strings (the SDKs escape spaces as %20).
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
