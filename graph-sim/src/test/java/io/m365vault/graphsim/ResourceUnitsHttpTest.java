package io.m365vault.graphsim;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.graphsim.http.Json;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SharePoint's resource units over plain HTTP: what each kind of drive request costs, the headers, the 429. */
class ResourceUnitsHttpTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static long charged(GraphSim sim) {
        return sim.stats().path("resourceUnits").path("charged").asLong();
    }

    /** The units {@code url} cost. */
    private long cost(GraphSim sim, String url) throws Exception {
        long before = charged(sim);
        HttpResponse<byte[]> r = get(url);
        assertTrue(r.statusCode() < 400, url + " answered " + r.statusCode() + ": " + new String(r.body()));
        return charged(sim) - before;
    }

    @Test
    void eachRequestCostsWhatSharePointPublishes() throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(5).users(6).filesPerDrive(8).set("resource-units-per-window", "100000").build().start()) {
            String base = sim.baseUrl();
            String user = sim.tenant().directory().user(0).id;
            assertEquals(0, cost(sim, base + "/users"), "the directory is not SharePoint's");
            assertEquals(0, cost(sim, base + "/users/" + user + "/mailFolders"), "nor is mail");
            assertEquals(1, cost(sim, base + "/users/" + user + "/drive"), "one item");
            String drive = Json.MAPPER.readTree(get(base + "/users/" + user + "/drive").body()).get("id").asText();
            assertEquals(2, cost(sim, base + "/drives/" + drive + "/items/root/children"), "a listing");
            assertEquals(2, cost(sim, base + "/drives/" + drive + "/items/root/delta()?$top=3"), "a delta without a token");
            JsonNode page = Json.MAPPER.readTree(get(base + "/drives/" + drive + "/items/root/delta()?$top=3").body());
            String next = page.get("@odata.nextLink").asText();
            assertEquals(1, cost(sim, next), "a delta with a token");
            JsonNode file = null;
            for (JsonNode i : page.get("value")) {
                if (i.has("file") && i.get("size").asLong() > 0) {
                    file = i;
                }
            }
            for (String link = next; file == null; ) {
                JsonNode p = Json.MAPPER.readTree(get(link).body());
                for (JsonNode i : p.get("value")) {
                    if (i.has("file") && i.get("size").asLong() > 0) {
                        file = i;
                    }
                }
                link = p.path("@odata.nextLink").asText();
            }
            assertEquals(1, cost(sim, file.get("@microsoft.graph.downloadUrl").asText()), "a download from its pre-authenticated URL");
            assertEquals(1, cost(sim, base + "/drives/" + drive + "/items/" + file.get("id").asText() + "/content"), "/content, answered 302");
            assertEquals(2, cost(sim, base + "/drives/" + drive + "/items/" + file.get("id").asText() + "/versions"), "a listing");
            assertEquals(2, cost(sim, base + "/sites/getAllSites()"), "a listing");
            assertEquals(1, cost(sim, base + "/sites/root"), "one item");
        }
    }

    @Test
    void pastEightyPercentAnswersCarryRateLimitHeadersAndPastTheBudget429() throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(5).users(6).filesPerDrive(4).build().start()) {
            String base = sim.baseUrl();
            String user = sim.tenant().directory().user(0).id;
            String url = base + "/users/" + user + "/drive";
            get(url); // the drive is generated on first use, before the budget applies
            sim.faults(Json.obj().put("resourceUnitsPerWindow", 10).put("resourceUnitWindowSeconds", 600));
            for (int i = 1; i <= 7; i++) {
                assertTrue(get(url).headers().firstValue("RateLimit-Remaining").isEmpty(), "request " + i + " is below 80%");
            }
            HttpResponse<byte[]> eighth = get(url);
            assertEquals(200, eighth.statusCode());
            assertEquals("10", eighth.headers().firstValue("RateLimit-Limit").orElseThrow());
            assertEquals("2", eighth.headers().firstValue("RateLimit-Remaining").orElseThrow());
            long reset = Long.parseLong(eighth.headers().firstValue("RateLimit-Reset").orElseThrow());
            assertTrue(reset > 0 && reset <= 600, "seconds left of the window: " + reset);
            assertTrue(get(base + "/users").headers().firstValue("RateLimit-Remaining").isEmpty(), "mail and directory answers carry none");
            get(url);
            get(url);
            HttpResponse<byte[]> over = get(url);
            assertEquals(429, over.statusCode());
            assertEquals("activityLimitReached", Json.MAPPER.readTree(over.body()).path("error").path("code").asText());
            assertEquals("0", over.headers().firstValue("RateLimit-Remaining").orElseThrow());
            long retryAfter = Long.parseLong(over.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(retryAfter > 0 && retryAfter <= 600, "Retry-After is the rest of the window: " + retryAfter);
            assertEquals(200, get(base + "/users").statusCode(), "mail and directory calls go on");
            assertEquals(1, sim.stats().path("resourceUnits").path("throttled429").asLong());
            assertEquals(10, sim.faults(Json.obj()).get("resourceUnitsPerWindow").asInt());
        }
    }
}
