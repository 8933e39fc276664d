package io.m365vault.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.graphsim.GraphSim;
import io.m365vault.graphsim.entra.SimTls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * azure-identity's ClientSecretCredential and the Graph SDK against graph-sim's token endpoint and
 * Graph over https: a secret, app or tenant Entra ID refuses is one line naming the setting, after
 * one token request; Graph refusing the token it got is one line too.
 */
class GraphCredentialsTest {
    private static final String TENANT = "5f1e2d3c-0000-4000-8000-0000000000aa";
    private static final String APP = "6a2b3c4d-0000-4000-8000-0000000000bb";
    private static final String SECRET = "s3cret~value";
    private static final String TOKEN_ENDPOINT = "POST {tenant}/oauth2/v2.0/token";
    private static GraphSim sim;

    @BeforeAll
    static void start() throws Exception {
        sim = GraphSim.builder().seed(6).users(4).build().start().startTls();
        sim.registerApp(TENANT, APP, SECRET);
        // The JVM's default trust (OkHttp's for Graph, Netty's for azure-identity) gets graph-sim's self-signed certificate.
        SimTls.trustInThisJvm();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void theRegisteredSecretGetsATokenGraphTakes() throws Exception {
        try (TenantGraph graph = connect(TENANT, APP, SECRET)) {
            assertEquals(GraphSettings.Auth.CLIENT_SECRET, graph.settings().auth());
            long tokens = tokenRequests();
            assertEquals(4, new TenantGraphReader(graph, 10).get("users").get("value").size());
            assertEquals(1, tokenRequests() - tokens, "the SDK asked the token endpoint");
        }
    }

    @Test
    void aWrongSecretIsOneLineNamingGraphClientSecretAfterOneTokenRequest() {
        CredentialsRefusedException e = refused(TENANT, APP, "wrong");
        assertEquals("GRAPH_CLIENT_SECRET: the tenant " + TENANT + " refuses the credentials of app " + APP
                + " (AADSTS7000215: Invalid client secret provided)", e.getMessage());
    }

    @Test
    void anUnknownAppNamesGraphClientIdAndAnUnknownTenantGraphTenantId() {
        String app = "00000000-1111-4000-8000-000000000000";
        assertEquals("GRAPH_CLIENT_ID: the tenant " + TENANT + " refuses the credentials of app " + app + " (AADSTS700016: Application with "
                + "identifier '" + app + "' was not found in the directory '" + TENANT + "')", refused(TENANT, app, SECRET).getMessage());
        String tenant = "00000000-2222-4000-8000-000000000000";
        assertTrue(refused(tenant, APP, SECRET).getMessage().startsWith("GRAPH_TENANT_ID: the tenant " + tenant
                + " refuses the credentials of app " + APP + " (AADSTS90002: Tenant '" + tenant + "' not found"));
    }

    @Test
    void graphRefusingTheTokenOnTheFirstRequestNamesTheCredential() {
        try (TenantGraph graph = connect(TENANT, APP, SECRET)) {
            SimTenant.inject(sim, "users", 401, "InvalidAuthenticationToken", 1);
            CredentialsRefusedException e = assertThrows(CredentialsRefusedException.class, () -> new TenantGraphReader(graph, 10).get("users"));
            assertEquals("GRAPH_CLIENT_SECRET: Graph refuses the token of app " + APP + " in tenant " + TENANT
                    + " (401 InvalidAuthenticationToken: Injected fault 401.)", e.getMessage());
        }
    }

    @Test
    void anAuthorityThatDoesNotAnswerIsOneLineWithinSeconds() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try (TenantGraph graph = GraphClients.create(new GraphSettings(TENANT, APP, SECRET, null, null, sim.tlsBaseUrl(),
                "https://127.0.0.1:" + closed + "/"), ThrottleConfig.defaults())) {
            long t0 = System.nanoTime();
            CredentialsRefusedException e = assertThrows(CredentialsRefusedException.class, () -> new TenantGraphReader(graph, 10).get("users"));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(e.getMessage().startsWith("GRAPH_CLIENT_SECRET: no token for app " + APP + " from https://127.0.0.1:" + closed + "/: "),
                    e.getMessage());
            assertTrue(ms < 15_000, "within seconds: " + ms + " ms; " + e.getMessage());
        }
    }

    /** The refusal, checked to come within seconds and after one token request (none retried). */
    private static CredentialsRefusedException refused(String tenant, String app, String secret) {
        try (TenantGraph graph = connect(tenant, app, secret)) {
            long tokens = tokenRequests();
            long graphRequests = sim.stats().get("requests").asLong() - tokens;
            long t0 = System.nanoTime();
            CredentialsRefusedException e = assertThrows(CredentialsRefusedException.class, () -> new TenantGraphReader(graph, 10).get("users"));
            // Seconds, not a minute of retries: the bound allows a loaded machine's first MSAL start.
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 15_000, "within seconds: " + ms + " ms");
            assertEquals(1, tokenRequests() - tokens, "one token request");
            assertEquals(graphRequests, sim.stats().get("requests").asLong() - tokenRequests(), "no Graph request without a token");
            return e;
        }
    }

    private static long tokenRequests() {
        return sim.stats().path("perEndpoint").path(TOKEN_ENDPOINT).asLong();
    }

    private static TenantGraph connect(String tenant, String app, String secret) {
        return GraphClients.create(new GraphSettings(tenant, app, secret, null, null, sim.tlsBaseUrl(), sim.authorityHost()),
                ThrottleConfig.defaults());
    }
}
