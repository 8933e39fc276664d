package io.m365vault.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365vault.graphsim.GraphSim;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Walks a drive's delta once over HTTP before the timed run. graph-sim computes each file's
 * quickXorHash when it first lists the file (reading it byte by byte, on the request's thread,
 * and keeps it); OneDrive has it stored. Without this walk the timed backup would wait on the
 * simulator hashing every byte of DIR inside its delta pages, a cost the real service does not have.
 */
final class SimHashes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SimHashes() {
    }

    /** Pages through {@code drives/<id>/items/root/delta}; returns the items listed. */
    static int prime(GraphSim sim, String driveId) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String next = sim.baseUrl() + "/drives/" + URLEncoder.encode(driveId, StandardCharsets.UTF_8).replace("+", "%20") + "/items/root/delta";
        int items = 0;
        while (next != null) {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(next)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IOException("delta " + next + ": HTTP " + r.statusCode());
            }
            JsonNode page = JSON.readTree(r.body());
            items += page.path("value").size();
            next = page.hasNonNull("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
        }
        return items;
    }
}
