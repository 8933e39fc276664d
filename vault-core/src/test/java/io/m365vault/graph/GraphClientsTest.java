package io.m365vault.graph;

import com.microsoft.graph.models.MailFolder;
import com.microsoft.kiota.http.middleware.RetryHandler;
import io.m365vault.graphsim.GraphSim;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphClientsTest {
    static GraphSim sim;
    static TenantGraph graph;
    static String user;

    @BeforeAll
    static void start() throws Exception {
        sim = GraphSim.builder().seed(3).users(8).messagesPerFolder(4).build().start();
        graph = SimTenant.connect(sim, SimTenant.fastConfig());
        user = SimTenant.user(sim, 0);
    }

    @AfterAll
    static void stop() {
        graph.close();
        sim.close();
    }

    @Test
    void theSdkRunsThroughTheGovernorUnderTheUsersKey() {
        long before = graph.governor().stats("users/" + user.toLowerCase()).requests();
        List<MailFolder> folders = graph.sdk().users().byUserId(user).mailFolders().get().getValue();
        assertTrue(folders.stream().anyMatch(f -> "Inbox".equals(f.getDisplayName())));
        assertEquals(before + 1, graph.governor().stats("users/" + user.toLowerCase()).requests());
        assertEquals(0, graph.governor().inFlight("users/" + user.toLowerCase()), "the slot comes back once the SDK has read the body");
    }

    @Test
    void kiotasRetryHandlerIsReplacedAndThereIsNoCallTimeout() {
        OkHttpClient http = GraphClients.httpClient(new ThrottleGovernor(ThrottleConfig.defaults()));
        assertTrue(http.interceptors().stream().noneMatch(i -> i instanceof RetryHandler));
        assertEquals(1, http.interceptors().stream().filter(i -> i instanceof ThrottleInterceptor).count());
        assertEquals(0, http.callTimeoutMillis());
        assertEquals(GraphClients.READ_TIMEOUT.toMillis(), http.readTimeoutMillis());
    }

    @Test
    void everyRequestCarriesTheIsvUserAgent() throws Exception {
        var seen = new java.util.concurrent.CopyOnWriteArrayList<String>();
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            seen.add(ex.getRequestHeaders().getFirst("User-Agent"));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.start();
        try {
            OkHttpClient http = GraphClients.httpClient(new ThrottleGovernor(ThrottleConfig.defaults()));
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1.0/users";
            try (var r = http.newCall(new okhttp3.Request.Builder().url(url).build()).execute()) {
                assertEquals(204, r.code());
            }
            assertEquals(1, seen.size());
            assertTrue(seen.get(0).startsWith("ISV|m365vault|m365vault/"), seen.get(0));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void rawStreamEqualsTheSdksMimeAndGivesItsSlotBack() throws Exception {
        var messages = graph.sdk().users().byUserId(user).mailFolders().byMailFolderId("inbox").messages().get().getValue();
        String id = messages.get(0).getId();
        byte[] viaSdk;
        try (InputStream in = graph.sdk().users().byUserId(user).messages().byMessageId(id).content().get()) {
            viaSdk = in.readAllBytes();
        }
        String key = "users/" + user.toLowerCase();
        byte[] raw;
        try (InputStream in = graph.requests().open("/users/" + user + "/messages/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8) + "/$value", java.util.Map.of())) {
            assertEquals(1, graph.governor().inFlight(key), "a streaming body holds its slot");
            raw = in.readAllBytes();
        }
        assertArrayEquals(viaSdk, raw);
        assertEquals(0, graph.governor().inFlight(key));
    }

    @Test
    void getJsonFollowsAnAbsoluteLink() throws Exception {
        var page = graph.sdk().users().byUserId(user).mailFolders().byMailFolderId("inbox").messages()
                .get(rc -> rc.queryParameters.top = 1);
        var next = graph.requests().getJson(page.getOdataNextLink(), java.util.Map.of());
        assertEquals(1, next.path("value").size());
        assertTrue(!next.path("value").get(0).path("id").asText().equals(page.getValue().get(0).getId()));
    }
}
