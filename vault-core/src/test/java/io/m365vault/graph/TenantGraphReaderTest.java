package io.m365vault.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * What the reader sends and how it names Graph's answers, seen at the HTTP server: graph-sim
 * answers alike with or without the preference, so the header itself is checked here.
 */
class TenantGraphReaderTest {
    @Test
    void contentDownloadsAskForImmutableIdsAndStatusesBecomeTheirExceptions() throws Exception {
        Map<String, List<String>> prefer = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1.0/", ex -> {
            String path = ex.getRequestURI().getRawPath();
            prefer.put(path, ex.getRequestHeaders().getOrDefault("Prefer", List.of()));
            byte[] body;
            int status;
            if (path.endsWith("/$value")) {
                status = 200;
                body = "MIME".getBytes(StandardCharsets.UTF_8);
            } else if (path.contains("gone")) {
                status = 404;
                body = "{\"error\":{\"code\":\"ErrorItemNotFound\",\"message\":\"not found\"}}".getBytes(StandardCharsets.UTF_8);
            } else {
                status = 410;
                body = "{\"error\":{\"code\":\"SyncStateNotFound\",\"message\":\"expired\"}}".getBytes(StandardCharsets.UTF_8);
            }
            ex.getResponseHeaders().add("Content-Type", path.endsWith("/$value") ? "message/rfc822" : "application/json");
            ex.sendResponseHeaders(status, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try (TenantGraph graph = GraphClients.create(GraphSettings.anonymous("http://127.0.0.1:" + server.getAddress().getPort() + "/v1.0"),
                ThrottleConfig.defaults())) {
            GraphReader reader = new TenantGraphReader(graph, 50);
            try (InputStream in = reader.open("users/u/messages/a%2Fb%2Bc%3D/$value")) {
                assertArrayEquals("MIME".getBytes(StandardCharsets.UTF_8), in.readAllBytes());
            }
            assertEquals(List.of("IdType=\"ImmutableId\""), prefer.get("/v1.0/users/u/messages/a%2Fb%2Bc%3D/$value"),
                    "the escaped id reaches the server as sent, with the preference: " + prefer);
            GraphNotFoundException gone = assertThrows(GraphNotFoundException.class, () -> reader.get("users/u/gone"));
            assertEquals("ErrorItemNotFound", gone.code());
            assertTrue(prefer.get("/v1.0/users/u/gone").get(0).contains("odata.maxpagesize=50"), prefer.toString());
            DeltaExpiredException expired = assertThrows(DeltaExpiredException.class, () -> reader.get("users/u/messages/delta()"));
            assertEquals("SyncStateNotFound", expired.code());
            assertEquals(410, expired.status());
        } finally {
            server.stop(0);
        }
    }
}
