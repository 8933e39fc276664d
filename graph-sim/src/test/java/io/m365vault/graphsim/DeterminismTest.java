package io.m365vault.graphsim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class DeterminismTest {
    private static JsonNode snapshotOf(long seed, boolean mutate) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(seed).users(7).build().start()) {
            if (mutate) {
                sim.mutate(9, 0.3);
            }
            var json = io.m365vault.graphsim.http.Json.obj();
            for (int i = 0; i < 7; i++) {
                json.set(Integer.toString(i), sim.snapshot(sim.tenant().directory().user(i).id));
            }
            return json;
        }
    }

    @Test
    void sameSeedSameTenantSameBytes() throws Exception {
        JsonNode a = snapshotOf(5, false);
        assertEquals(a, snapshotOf(5, false));
        assertNotEquals(a, snapshotOf(6, false));
    }

    @Test
    void sameMutationSeedSameChanges() throws Exception {
        JsonNode a = snapshotOf(5, true);
        assertEquals(a, snapshotOf(5, true));
        assertNotEquals(a, snapshotOf(5, false));
    }
}
