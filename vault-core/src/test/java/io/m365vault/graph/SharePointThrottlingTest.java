package io.m365vault.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.graphsim.GraphSim;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SharePoint's resource units and downloads' throttle keys, against graph-sim through the governed client. */
class SharePointThrottlingTest extends SimGraphTest {
    private TenantGraphReader start(ThrottleGovernor governor) throws Exception {
        sim = GraphSim.builder().seed(21).users(8).filesPerDrive(12).build().start();
        graph = SimTenant.connect(sim, governor);
        return new TenantGraphReader(graph, 50);
    }

    private String drive(int n) {
        return sim.tenant().userDriveId(SimTenant.user(sim, n));
    }

    /** The drive's files with content, as its delta lists them (download URLs included). */
    private static List<JsonNode> files(GraphReader reader, String drive) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String link = "/drives/" + drive + "/items/root/delta()"; !link.isEmpty(); ) {
            JsonNode page = reader.get(link);
            for (JsonNode i : page.path("value")) {
                if (i.has("file") && i.path("size").asLong() > 0) {
                    out.add(i);
                }
            }
            link = page.path("@odata.nextLink").asText();
        }
        return out;
    }

    private static InputStream download(GraphReader reader, String drive, JsonNode file) throws Exception {
        String url = file.get("@microsoft.graph.downloadUrl").asText();
        reader.issued(url, "drives/" + drive + "/items/" + file.get("id").asText());
        return reader.open(url);
    }

    @Test
    void aDriveHoldingItsFourDownloadsDoesNotHoldUpAnotherDrive() throws Exception {
        ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
        TenantGraphReader reader = start(new ThrottleGovernor(SimTenant.fastConfig(), new GovernorListener() {
            @Override
            public void sent(String key, String method, String url, int attempt) {
                if (url.contains("download.aspx")) {
                    events.add("sent " + key);
                }
            }
        }));
        String a = drive(0);
        String b = drive(1);
        List<JsonNode> aFiles = files(reader, a);
        JsonNode bFile = files(reader, b).get(0);
        String aKey = "drives/" + a.toLowerCase();
        String bKey = "drives/" + b.toLowerCase();
        long unitsBefore = graph.governor().resourceUnits().unitsSent();
        List<InputStream> held = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            held.add(download(reader, a, aFiles.get(i))); // open, unread: each holds a slot of drive a
        }
        assertEquals(4, graph.governor().inFlight(aKey));
        assertEquals(0, graph.governor().inFlight(ThrottleKeys.TENANT), "downloads are no longer the tenant's");

        // Under one tenant-wide key this download would wait for drive a's to finish: here it runs at once.
        byte[] bBytes = pool.submit(() -> {
            try (InputStream in = download(reader, b, bFile)) {
                return in.readAllBytes();
            }
        }).get(30, TimeUnit.SECONDS);
        assertEquals(bFile.get("size").asLong(), bBytes.length);

        // A fifth of drive a waits for one of its four.
        Future<byte[]> fifth = pool.submit(() -> {
            try (InputStream in = download(reader, a, aFiles.get(4))) {
                return in.readAllBytes();
            }
        });
        while (graph.governor().stats(aKey).requests() < 4) {
            Thread.onSpinWait();
        }
        events.add("closing one of a");
        held.remove(0).close();
        assertEquals(aFiles.get(4).get("size").asLong(), fifth.get(30, TimeUnit.SECONDS).length);
        for (InputStream in : held) {
            in.close();
        }
        List<String> order = new ArrayList<>(events);
        assertEquals(List.of("sent " + aKey, "sent " + aKey, "sent " + aKey, "sent " + aKey, "sent " + bKey, "closing one of a", "sent " + aKey), order);
        // Each drive's delta listing and its downloads, under the drive's key.
        assertEquals(new KeyStats(1 + 5, 0, 0, 0), graph.governor().stats(aKey));
        assertEquals(new KeyStats(1 + 1, 0, 0, 0), graph.governor().stats(bKey));
        assertEquals(6, graph.governor().resourceUnits().unitsSent() - unitsBefore, "downloads still spend the tenant's units, one each");
    }

    @Test
    void underASmallBudgetTheRateLimitHeadersPaceTheTenantAndNothingIsThrottled() throws Exception {
        TenantGraphReader reader = start(new ThrottleGovernor(SimTenant.fastConfig()));
        List<String> items = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            String d = drive(n);
            for (JsonNode f : files(reader, d)) {
                items.add("/drives/" + d + "/items/" + f.get("id").asText());
            }
        }
        // 50 units per 2 s and 150 single-item reads (1 unit each) from 8 threads over two drives. The 20% of the
        // budget left when SharePoint starts to warn must exceed what is in flight, as SharePoint's (250 units and more) does.
        sim.faults(SimTenant.faults().put("resourceUnitsPerWindow", 50).put("resourceUnitWindowSeconds", 2));
        List<Future<?>> reads = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            String item = items.get(i % items.size());
            reads.add(pool.submit(() -> reader.get(item)));
        }
        for (Future<?> f : reads) {
            f.get(120, TimeUnit.SECONDS);
        }
        JsonNode ru = sim.stats().path("resourceUnits");
        assertTrue(ru.path("withRateLimitHeaders").asLong() > 0, "SharePoint warned: " + ru);
        assertEquals(0, ru.path("throttled429").asLong(), "the warnings were heeded before any 429: " + ru);
        assertEquals(0, graph.governor().totals().throttled());
        ResourceUnitStats paced = graph.governor().resourceUnits();
        assertTrue(paced.rateLimitReports() > 0 && paced.pacedRequests() > 0, "the tenant was paced: " + paced);
    }

    @Test
    void aSharePoint429StopsEveryDriveOfTheTenantUntilItsRetryAfter() throws Exception {
        AtomicLong throttledAt = new AtomicLong();
        AtomicLong pauseNanos = new AtomicLong();
        ConcurrentLinkedQueue<Long> bSent = new ConcurrentLinkedQueue<>();
        String[] bKey = new String[1];
        TenantGraphReader reader = start(new ThrottleGovernor(SimTenant.fastConfig(), new GovernorListener() {
            @Override
            public void sent(String key, String method, String url, int attempt) {
                if (key.equals(bKey[0])) {
                    bSent.add(System.nanoTime());
                }
            }

            @Override
            public void throttled(String key, String url, Duration pause) {
                pauseNanos.set(pause.toNanos());
                throttledAt.set(System.nanoTime());
            }
        }));
        String a = drive(0);
        String b = drive(1);
        bKey[0] = "drives/" + b.toLowerCase();
        // Units spent where our client cannot see them (another tool under the same app registration): the budget is gone.
        sim.faults(SimTenant.faults().put("resourceUnitsPerWindow", 2).put("resourceUnitWindowSeconds", 3));
        HttpClient raw = HttpClient.newHttpClient();
        for (int i = 0; i < 2; i++) {
            assertEquals(200, raw.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/drives/" + a)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
        }
        Future<?> throttled = pool.submit(() -> reader.get("/drives/" + a));
        while (graph.governor().stats("drives/" + a.toLowerCase()).throttled() == 0) {
            Thread.onSpinWait();
        }
        reader.get("/drives/" + b);
        throttled.get(30, TimeUnit.SECONDS);
        assertTrue(pauseNanos.get() > 0, "the 429 carried Retry-After");
        assertEquals(1, bSent.size());
        assertTrue(bSent.peek() >= throttledAt.get() + pauseNanos.get(), "the other drive waited out the tenant's Retry-After");
        assertEquals(new KeyStats(1, 0, 0, 0), graph.governor().stats(bKey[0]), "and was never throttled itself");
    }
}
