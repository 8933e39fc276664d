package io.m365vault.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The console's files by name: only the names listed here are ever read, from this package's
 * resources, so no request can reach anything else. They hold no data and no secret (the page
 * asks for the key and sends it on each API call), which is why they are served without a key.
 */
public final class ConsoleAssets {
    private static final Map<String, String> TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8",
            "console.css", "text/css; charset=utf-8");
    /** Scripts and styles from the page's own origin only; the API is there too. Downloads are navigations, not fetches. */
    private static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                    + "form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-cache");

    private ConsoleAssets() {
    }

    /** An answer: status, body, and headers (content type among them). */
    public record Answer(int status, byte[] body, Map<String, String> headers) { }

    /**
     * The asset named by the part of the URL after the console's base ({@code ""} is the page);
     * {@code urlPath} is the whole request path, so the bare base ({@code /api/console}) can be
     * sent on to its slash form, where the page's relative links resolve.
     */
    public static Answer get(String urlPath, String name) {
        String n = name == null ? "" : name;
        if (n.isEmpty() && !urlPath.endsWith("/")) {
            return new Answer(301, new byte[0], Map.of("Location", urlPath + "/"));
        }
        String file = n.isEmpty() ? "index.html" : n;
        String type = TYPES.get(file);
        if (type == null) {
            return new Answer(404, "not found\n".getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "text/plain; charset=utf-8"));
        }
        Map<String, String> h = new HashMap<>(HEADERS);
        h.put("Content-Type", type);
        return new Answer(200, read(file), Map.copyOf(h));
    }

    private static byte[] read(String file) {
        try (InputStream in = ConsoleAssets.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("console asset " + file + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
