package io.m365vault.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.m365vault.console.ConsoleAssets;
import io.m365vault.service.ApiHandler;
import io.m365vault.service.ApiResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API on localhost: the same {@link ApiHandler} the HTTP functions call, behind the key
 * check Azure makes for auth level FUNCTION (401 without the key, as the host answers); and the
 * web console's page at {@code /console/} ({@code /} sends there), without a key as the Console
 * function is served: the page holds nothing, and each of its API calls carries the key.
 */
final class LocalApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalApi.class);

    private final HttpServer server;
    private final ExecutorService threads;
    private final ApiHandler api;
    private final FunctionKey key;

    LocalApi(int port, ApiHandler api, FunctionKey key) throws IOException {
        this.api = api;
        this.key = key;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        this.threads = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return "http://127.0.0.1:" + port() + "/api";
    }

    String consoleUrl() {
        return "http://127.0.0.1:" + port() + "/console/";
    }

    private void handle(HttpExchange x) throws IOException {
        List<String> path = segments(x.getRequestURI().getRawPath());
        if ("GET".equals(x.getRequestMethod()) && (path.isEmpty() || path.get(0).equals("console"))) {
            console(x, path);
            return;
        }
        try (x) {
            Map<String, String> query = query(x.getRequestURI().getRawQuery());
            ApiResponse r;
            if (!key.accepts(x.getRequestHeaders().getFirst(FunctionKey.HEADER), query)) {
                r = ApiResponse.error(401, "this API needs the function key in the " + FunctionKey.HEADER + " header or the "
                        + FunctionKey.PARAMETER + " query parameter");
            } else {
                byte[] body = read(x.getRequestBody());
                r = body == null ? ApiHandler.tooLarge()
                        : api.route(x.getRequestMethod(), segments(x.getRequestURI().getRawPath()), query,
                                new String(body, StandardCharsets.UTF_8));
            }
            LOG.info("http {} {} -> {}", x.getRequestMethod(), x.getRequestURI().getRawPath(), r.status());
            byte[] out = r.json().getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            r.headers().forEach((k, v) -> x.getResponseHeaders().set(k, v));
            x.sendResponseHeaders(r.status(), out.length == 0 ? -1 : out.length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(out);
            }
        }
    }

    private static void console(HttpExchange x, List<String> path) throws IOException {
        try (x) {
            ConsoleAssets.Answer a = path.isEmpty() ? new ConsoleAssets.Answer(302, new byte[0], Map.of("Location", "/console/"))
                    : ConsoleAssets.get(x.getRequestURI().getRawPath(), String.join("/", path.subList(1, path.size())));
            LOG.info("http GET {} -> {}", x.getRequestURI().getRawPath(), a.status());
            a.headers().forEach((k, v) -> x.getResponseHeaders().set(k, v));
            x.sendResponseHeaders(a.status(), a.body().length == 0 ? -1 : a.body().length);
            try (OutputStream o = x.getResponseBody()) {
                o.write(a.body());
            }
        }
    }

    /** The body, or null when it is over the API's limit. */
    private static byte[] read(InputStream in) throws IOException {
        byte[] b = in.readNBytes(ApiHandler.MAX_BODY_BYTES + 1);
        return b.length > ApiHandler.MAX_BODY_BYTES ? null : b;
    }

    /** Path segments, each percent-decoded on its own so an encoded '/' stays inside its segment. */
    static List<String> segments(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) {
                out.add(decode(s));
            }
        }
        return out;
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            out.putIfAbsent(k, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s; // a malformed escape reaches the handler as typed, and its checks refuse it
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
