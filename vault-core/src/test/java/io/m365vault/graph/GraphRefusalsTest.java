package io.m365vault.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.graphsim.GraphSim;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Graph's refusals of the app (401 before any request was accepted, 403 Authorization_RequestDenied)
 * are one line naming the setting, after one request; a 401 or 403 of one item stays that item's.
 */
class GraphRefusalsTest {
    private static GraphSim sim;

    @BeforeAll
    static void start() throws Exception {
        sim = GraphSim.builder().seed(4).users(8).messagesPerFolder(2).build().start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void a401BeforeAnyAcceptedRequestIsTheCredentialsOneLineNotRetried() {
        try (TenantGraph graph = SimTenant.connect(sim, ThrottleConfig.defaults())) {
            TenantGraphReader reader = new TenantGraphReader(graph, 10);
            // Once: a retry would succeed, so the exception shows there was none.
            SimTenant.inject(sim, "users", 401, "InvalidAuthenticationToken", 1);
            long before = sim.stats().get("requests").asLong();
            long t0 = System.nanoTime();
            CredentialsRefusedException e = assertThrows(CredentialsRefusedException.class, () -> reader.get("users"));
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 5000, "within seconds");
            assertEquals(1, sim.stats().get("requests").asLong() - before, "one request, no retries");
            assertEquals("GRAPH_BASE_URL: " + sim.baseUrl() + " refuses requests without a token (401 InvalidAuthenticationToken: "
                    + "Injected fault 401.): a token is sent only over https", e.getMessage());
        }
    }

    @Test
    void authorizationRequestDeniedIsTheAppsMissingPermission() throws Exception {
        try (TenantGraph graph = SimTenant.connect(sim, ThrottleConfig.defaults())) {
            TenantGraphReader reader = new TenantGraphReader(graph, 10);
            reader.get("users");
            SimTenant.inject(sim, "groups", 403, "Authorization_RequestDenied", 1);
            CredentialsRefusedException e = assertThrows(CredentialsRefusedException.class, () -> reader.get("groups"));
            assertTrue(e.getMessage().startsWith("GRAPH_CLIENT_ID: Graph refuses GET " + sim.baseUrl() + "/groups: the app (managed identity) "
                    + "lacks the application permission it needs (403 Authorization_RequestDenied"), e.getMessage());
        }
    }

    @Test
    void a401Or403OfOneItemAfterAcceptedRequestsIsThatItemsOwn() throws Exception {
        try (TenantGraph graph = SimTenant.connect(sim, ThrottleConfig.defaults())) {
            TenantGraphReader reader = new TenantGraphReader(graph, 10);
            String denied = SimTenant.user(sim, 0);
            String other = SimTenant.user(sim, 1);
            // A mailbox that denies the app (an application access policy) is a 403 on its first request.
            SimTenant.inject(sim, "users/" + denied + "/mailFolders", 403, "ErrorAccessDenied", 1);
            GraphStatusException forbidden = assertThrows(GraphStatusException.class, () -> reader.get("users/" + denied + "/mailFolders"));
            assertEquals(403, forbidden.status());
            assertFalse(reader.get("users/" + other + "/mailFolders").path("value").isEmpty());
            SimTenant.inject(sim, "users/" + denied + "/mailFolders", 401, "InvalidAuthenticationToken", 1);
            assertEquals(401, assertThrows(GraphStatusException.class, () -> reader.get("users/" + denied + "/mailFolders")).status());
        }
    }
}
