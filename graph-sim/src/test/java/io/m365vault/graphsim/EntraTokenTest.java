package io.m365vault.graphsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365vault.graphsim.entra.SimTls;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The token endpoint over https: tokens for a registered app's secret, Entra ID's AADSTS errors otherwise, and Graph taking only its tokens. */
class EntraTokenTest {
    private static final String TENANT = "7d3c1a4e-0000-4000-8000-00000000000a";
    private static final String APP = "0b9f2c55-0000-4000-8000-00000000000b";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static GraphSim sim;
    private final HttpClient http = HttpClient.newBuilder().sslContext(SimTls.clientContext()).build();

    @BeforeAll
    static void start() throws Exception {
        sim = GraphSim.builder().seed(2).users(3).build().start().startTls();
        sim.registerApp(TENANT, APP, "right secret");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void aRegisteredSecretGetsATokenGraphAccepts() throws Exception {
        HttpResponse<String> r = token(TENANT, APP, "right secret");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode t = JSON.readTree(r.body());
        assertEquals("Bearer", t.get("token_type").asText());
        HttpResponse<String> users = graph("users", t.get("access_token").asText());
        assertEquals(200, users.statusCode(), users.body());
        assertEquals(3, JSON.readTree(users.body()).get("value").size());
        assertTrue(!users.body().contains(sim.baseUrl()), "links stay on https: " + users.body());
    }

    @Test
    void refusesAWrongSecretAnUnknownAppAndAnUnknownTenantAsEntraIdDoes() throws Exception {
        assertRefused(token(TENANT, APP, "wrong"), 401, "invalid_client", 7000215);
        assertRefused(token(TENANT, "11111111-0000-4000-8000-000000000000", "right secret"), 400, "unauthorized_client", 700016);
        assertRefused(token("22222222-0000-4000-8000-000000000000", APP, "right secret"), 400, "invalid_request", 90002);
    }

    @Test
    void graphRefusesATokenItDidNotIssueOrRevoked() throws Exception {
        HttpResponse<String> bogus = graph("users", "not-a-token");
        assertEquals(401, bogus.statusCode());
        assertEquals("InvalidAuthenticationToken", JSON.readTree(bogus.body()).get("error").get("code").asText());
        String token = JSON.readTree(token(TENANT, APP, "right secret").body()).get("access_token").asText();
        assertEquals(200, graph("users", token).statusCode());
        HttpRequest revoke = HttpRequest.newBuilder(URI.create(sim.authorityHost() + "_sim/apps"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"revokeTokens\":true}")).build();
        assertEquals(200, http.send(revoke, HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(401, graph("users", token).statusCode());
    }

    private static void assertRefused(HttpResponse<String> r, int status, String error, int code) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode e = JSON.readTree(r.body());
        assertEquals(error, e.get("error").asText());
        assertEquals(code, e.get("error_codes").get(0).asInt());
        assertTrue(e.get("error_description").asText().startsWith("AADSTS" + code + ": "), r.body());
    }

    private HttpResponse<String> token(String tenant, String clientId, String secret) throws Exception {
        String form = "client_id=" + clientId + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8)
                + "&scope=" + URLEncoder.encode("https://graph.microsoft.com/.default", StandardCharsets.UTF_8) + "&grant_type=client_credentials";
        return http.send(HttpRequest.newBuilder(URI.create(sim.authorityHost() + tenant + "/oauth2/v2.0/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> graph(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.tlsBaseUrl() + "/" + path)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
