package io.m365vault.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.GraphSim;

import java.time.Duration;

/** A graph-sim tenant and the governed clients for it, as the backup builds them. */
final class SimTenant {
    static final ObjectMapper JSON = new ObjectMapper();

    private SimTenant() {
    }

    /** Fast backoff so retries cost milliseconds; Retry-After from the sim still rules 429s. */
    static ThrottleConfig fastConfig() {
        return ThrottleConfig.defaults().withBackoff(Duration.ofMillis(2), Duration.ofMillis(40)).withMaxAttempts(12);
    }

    static TenantGraph connect(GraphSim sim, ThrottleConfig config) {
        return GraphClients.create(GraphSettings.anonymous(sim.baseUrl()), config);
    }

    static TenantGraph connect(GraphSim sim, ThrottleGovernor governor) {
        return GraphClients.create(GraphSettings.anonymous(sim.baseUrl()), governor);
    }

    /** A regular mailbox user (the first six users of the sim are special cases). */
    static String user(GraphSim sim, int n) {
        return sim.tenant().directory().user(6 + n).id;
    }

    static ObjectNode faults() {
        return JSON.createObjectNode();
    }

    static void inject(GraphSim sim, String path, int status, String code, int count) {
        ObjectNode f = faults();
        ObjectNode i = f.putArray("inject").addObject().put("path", path).put("status", status).put("count", count);
        if (code != null) {
            i.put("code", code);
        }
        sim.faults(f);
    }
}
