package io.m365vault.graphsim.control;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.model.Rng;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * POST /_sim/mutate: {seed, fraction, kinds, owners}. Deterministic: the same seed on the same
 * tenant state makes the same changes with the same new ids.
 */
public final class Mutator {
    private final Map<String, WorkloadMutator> byKind = new LinkedHashMap<>();

    public void add(WorkloadMutator m) {
        byKind.put(m.kind(), m);
    }

    public Set<String> kinds() {
        return byKind.keySet();
    }

    /** @param maxOwners mutate only the first owners of each kind (0: all) */
    public synchronized ObjectNode mutate(long seed, double fraction, List<String> kinds, int maxOwners) {
        if (fraction < 0 || fraction > 1) {
            throw GraphError.badRequest("BadRequest", "fraction must be between 0 and 1");
        }
        List<String> chosen = kinds == null || kinds.isEmpty() ? List.copyOf(byKind.keySet()) : kinds;
        ObjectNode out = Json.obj();
        for (String k : chosen) {
            WorkloadMutator m = byKind.get(k);
            if (m == null) {
                throw GraphError.badRequest("BadRequest", "unknown kind '" + k + "'; known: " + byKind.keySet());
            }
            MutationCounts counts = new MutationCounts();
            List<String> owners = m.owners();
            int n = maxOwners > 0 ? Math.min(maxOwners, owners.size()) : owners.size();
            for (int i = 0; i < n; i++) {
                m.mutate(owners.get(i), Rng.of(seed, "mutate:" + k + ":" + owners.get(i)), fraction, counts);
            }
            out.set(k, counts.json());
        }
        return out;
    }
}
