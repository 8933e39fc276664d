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

/** The /_sim endpoints over plain HTTP, as a standalone user drives them. */
class ControlEndpointsTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private JsonNode call(String method, String url, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode j = Json.MAPPER.readTree(r.body());
        ((com.fasterxml.jackson.databind.node.ObjectNode) j).put("_status", r.statusCode());
        return j;
    }

    @Test
    void statsCountRequestsAndFaults() throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(3).users(6).build().start()) {
            String sim0 = sim.baseUrl().replace("/v1.0", "/_sim");
            String user = sim.tenant().directory().user(0).id;
            call("GET", sim.baseUrl() + "/users/" + user + "/mailFolders/inbox/messages", null);
            call("POST", sim0 + "/faults", "{\"inject\":[{\"path\":\"mailFolders\",\"status\":503,\"count\":1}]}");
            JsonNode failed = call("GET", sim.baseUrl() + "/users/" + user + "/mailFolders", null);
            assertEquals(503, failed.get("_status").asInt());
            assertEquals("serviceNotAvailable", failed.path("error").path("code").asText());
            JsonNode stats = call("GET", sim0 + "/stats", null);
            assertEquals(1, stats.path("perEndpoint").path("GET users/{u}/mailFolders/{f}/messages").asInt());
            assertEquals(1, stats.path("unavailable503").asInt());
            assertTrue(stats.path("bytesServed").asLong() > 0);

            call("POST", sim0 + "/faults", "{\"inject\":[{\"path\":\"mailFolders\",\"status\":500,\"count\":1000}]}");
            assertEquals(500, call("GET", sim.baseUrl() + "/users/" + user + "/mailFolders", null).get("_status").asInt());
            call("POST", sim0 + "/faults", "{\"clearInjected\":true}");
            assertEquals(200, call("GET", sim.baseUrl() + "/users/" + user + "/mailFolders", null).get("_status").asInt(),
                    "a cleared injection answers no more");
        }
    }

    @Test
    void mutateChangesTheSnapshot() throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(3).users(6).build().start()) {
            String sim0 = sim.baseUrl().replace("/v1.0", "/_sim");
            String user = sim.tenant().directory().user(0).id;
            JsonNode before = call("GET", sim0 + "/snapshot?owner=" + user, null).path("mail");
            JsonNode result = call("POST", sim0 + "/mutate", "{\"seed\":1,\"fraction\":0.5,\"kinds\":[\"messages\"]}");
            assertTrue(result.path("messages").path("added").asInt() > 0, result.toString());
            JsonNode after = call("GET", sim0 + "/snapshot?owner=" + user, null).path("mail");
            assertTrue(!before.equals(after));
            JsonNode bad = call("POST", sim0 + "/mutate", "{\"seed\":1,\"fraction\":0.5,\"kinds\":[\"nonsense\"]}");
            assertEquals(400, bad.get("_status").asInt());

            String window = "&startDateTime=2025-05-01T00:00:00Z&endDateTime=2025-07-01T00:00:00Z";
            JsonNode instances = call("GET", sim0 + "/snapshot/eventInstances?owner=" + user + window, null);
            assertTrue(instances.path("value").size() > 20, instances.toString());
            call("POST", sim0 + "/mutate", "{\"seed\":2,\"fraction\":1,\"kinds\":[\"events\"]}");
            assertTrue(!instances.path("value").equals(call("GET", sim0 + "/snapshot/eventInstances?owner=" + user + window, null).path("value")));
            assertEquals(400, call("GET", sim0 + "/snapshot/eventInstances?owner=" + user, null).get("_status").asInt());
        }
    }
}
