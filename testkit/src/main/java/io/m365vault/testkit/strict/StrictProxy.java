package io.m365vault.testkit.strict;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP reverse proxy in front of one Azurite port. Every request goes through the
 * service's {@link Rules} first: a refused request gets Azure's answer and never reaches
 * Azurite; any other is forwarded as it came (headers, body, the SharedKey signature still
 * valid: the signature covers path, query and x-ms headers, not the host or port). Given an
 * {@link Interceptor} instead, it also injects the faults of a {@link ProxyStep}.
 */
public final class StrictProxy implements AutoCloseable {
    /** Hop-by-hop headers, and those java.net.http sets itself and refuses to be given. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection");

    private static final long SMALL_BODY = 1 << 20;

    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient client;
    private final URI target;
    private final Interceptor interceptor;

    private StrictProxy(HttpServer server, ExecutorService executor, URI target, Interceptor interceptor) {
        this.server = server;
        this.executor = executor;
        this.target = target;
        this.interceptor = interceptor;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(executor)
                .build();
    }

    /** Starts a proxy on a free loopback port that forwards to {@code http://127.0.0.1:targetPort}. */
    public static StrictProxy start(int targetPort, Rules rules) {
        return start(targetPort, Interceptor.of(rules));
    }

    /** Starts a proxy whose every request takes the step the interceptor decides. */
    public static StrictProxy start(int targetPort, Interceptor interceptor) {
        // Without TCP_NODELAY each small answer waits on Nagle and delayed ACKs (read once, at first use).
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            AtomicInteger n = new AtomicInteger();
            // Many threads: the SDKs keep 16+ requests in flight and each handler blocks on Azurite.
            ExecutorService executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "strict-proxy-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            StrictProxy proxy = new StrictProxy(server, executor, URI.create("http://127.0.0.1:" + targetPort), interceptor);
            server.createContext("/", proxy::handle);
            server.setExecutor(executor);
            server.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the strict proxy", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            StrictRequest request = new StrictRequest(exchange.getRequestMethod(), exchange.getRequestURI(),
                    exchange.getRequestHeaders(), exchange.getRequestBody());
            ProxyStep step;
            try {
                step = interceptor.before(request);
            } catch (RuntimeException e) {
                // A rule that cannot read the request must not hide Azurite's own answer to it.
                step = ProxyStep.FORWARD;
            }
            if (step instanceof ProxyStep.Refuse r) {
                refuse(exchange, r.refusal());
            } else if (step instanceof ProxyStep.Drop) {
                // Leaving the handler by an exception closes the connection with no answer at all.
                throw new IOException("fault: connection dropped before the request");
            } else if (step instanceof ProxyStep.Late late) {
                request.body(); // read while the client is still there: storage does the whole request, late
                sleep(late.delay());
                forward(exchange, request, true);
            } else {
                forward(exchange, request, !(step instanceof ProxyStep.DropAnswer));
            }
        }
    }

    private static void sleep(Duration d) throws IOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void refuse(HttpExchange exchange, Refusal refusal) throws IOException {
        Headers out = exchange.getResponseHeaders();
        refusal.headers().forEach(out::set);
        out.set("x-ms-request-id", "strict-limits");
        exchange.sendResponseHeaders(refusal.status(), refusal.body().length == 0 ? -1 : refusal.body().length);
        try (OutputStream os = exchange.getResponseBody()) {
            os.write(refusal.body());
        }
    }

    private void forward(HttpExchange exchange, StrictRequest request, boolean answer) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery())))
                .method(request.method(), publisher(request));
        for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
            if (!NOT_FORWARDED.contains(h.getKey().toLowerCase())) {
                for (String v : h.getValue()) {
                    try {
                        b.header(h.getKey(), v);
                    } catch (IllegalArgumentException restricted) {
                        // A header java.net.http sets itself on this JDK (e.g. Date on older ones): it sends its own.
                    }
                }
            }
        }
        HttpResponse<InputStream> response;
        try {
            response = client.send(b.build(), StrictProxy::body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        interceptor.answered(request, response.statusCode());
        if (!answer) {
            response.body().close();
            throw new IOException("fault: connection dropped before the answer");
        }
        Headers out = exchange.getResponseHeaders();
        response.headers().map().forEach((k, v) -> {
            String key = k.toLowerCase();
            if (!NOT_FORWARDED.contains(key) || key.equals("content-length")) {
                out.put(k, v);
            }
        });
        long length = response.headers().firstValueAsLong("content-length").orElse(-1);
        boolean noBody = request.method().equals("HEAD") || response.statusCode() == 204 || response.statusCode() == 304;
        try (InputStream in = response.body()) {
            if (noBody) {
                // HttpServer sends no body here and keeps the Content-Length header as given (a blob's size).
                exchange.sendResponseHeaders(response.statusCode(), -1);
                in.readAllBytes();
                return;
            }
            out.remove("Content-length");
            exchange.sendResponseHeaders(response.statusCode(), length == 0 ? -1 : length < 0 ? 0 : length);
            try (OutputStream os = exchange.getResponseBody()) {
                in.transferTo(os);
            }
        }
    }

    /** Small answers (table rows, XML lists) whole, saving a thread hop; large ones (blobs) streamed. */
    private static HttpResponse.BodySubscriber<InputStream> body(HttpResponse.ResponseInfo info) {
        long length = info.headers().firstValueAsLong("content-length").orElse(-1);
        if (length >= 0 && length <= SMALL_BODY) {
            return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(), ByteArrayInputStream::new);
        }
        return HttpResponse.BodySubscribers.ofInputStream();
    }

    private static HttpRequest.BodyPublisher publisher(StrictRequest request) {
        if (request.bodyRead()) {
            return HttpRequest.BodyPublishers.ofByteArray(request.body());
        }
        long length = request.contentLength();
        if (length > 0) {
            return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(request::stream), length);
        }
        if (length == 0) {
            return HttpRequest.BodyPublishers.noBody();
        }
        // No length: chunked or absent; HttpServer has decoded it, so it goes on with a length.
        return HttpRequest.BodyPublishers.ofByteArray(request.body());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
