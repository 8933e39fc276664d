package io.m365vault.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.graphsim.GraphSim;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Streamed content through the governor: drive files by their 302 to the download host, with cut connections. */
class GraphRequestsTest {
    static GraphSim sim;
    static TenantGraph graph;
    static String user;
    static JsonNode largest;

    @BeforeAll
    static void start() throws Exception {
        sim = GraphSim.builder().seed(9).users(8).filesPerDrive(12).set("large-file-mb", "3").build().start();
        graph = SimTenant.connect(sim, SimTenant.fastConfig().withMaxAttempts(60));
        user = sim.tenant().directory().user(0).id;
        List<JsonNode> files = new ArrayList<>();
        new DeltaPager(new TenantGraphReader(graph, 200)).run("/users/" + user + "/drive/root/delta()", page -> page.items().stream()
                .filter(i -> i.has("file")).forEach(files::add));
        largest = files.stream().max(Comparator.comparingLong(i -> i.path("size").asLong())).orElseThrow();
    }

    @AfterAll
    static void stop() {
        graph.close();
        sim.close();
    }

    private static byte[] download(String path) throws Exception {
        try (InputStream in = graph.requests().open(path, java.util.Map.of())) {
            return in.readAllBytes();
        }
    }

    private static String contentPath() {
        return "/users/" + user + "/drive/items/" + largest.path("id").asText() + "/content";
    }

    @Test
    void aFileFollowsTheRedirectAndMatchesTheSimulatorsHash() throws Exception {
        byte[] bytes = download(contentPath());
        assertEquals(largest.path("size").asLong(), bytes.length);
        assertTrue(bytes.length >= 3 << 20, "the large file: " + bytes.length);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertTrue(sim.snapshot(user).toString().contains(sha256), "the simulator knows this content");
    }

    @Test
    void aDownloadCutMidwayResumesToTheSameBytes() throws Exception {
        byte[] clean = download(contentPath());
        String key = "users/" + user.toLowerCase();
        long retriesBefore = graph.governor().stats(key).retries();
        sim.faults(SimTenant.faults().put("resetRate", 0.6));
        try {
            // Cuts are random: download until one happened (three at least, twenty at most).
            for (int i = 0; i < 20 && (i < 3 || sim.stats().path("resets").asLong() == 0); i++) {
                assertArrayEquals(clean, download(contentPath()));
            }
        } finally {
            sim.faults(SimTenant.faults().put("resetRate", 0.0));
        }
        long resets = sim.stats().path("resets").asLong();
        assertTrue(resets > 0, "connections were cut: " + sim.stats());
        assertEquals(resets, graph.governor().stats(key).retries() - retriesBefore, "each cut is one retry of the mailbox's key");
        assertEquals(0, graph.governor().inFlight(key));
    }

    @Test
    void aMissingItemIsOneClearError() {
        GraphStatusException e = assertThrows(GraphStatusException.class, () -> download("/users/" + user + "/drive/items/nope/content"));
        assertEquals(404, e.status());
        assertTrue(e.getMessage().startsWith("GET " + sim.baseUrl() + "/users/" + user + "/drive/items/nope/content answered 404"), e.getMessage());
    }
}
