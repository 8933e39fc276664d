package io.m365vault.maintain;

import io.m365vault.repo.Checkpoint;
import io.m365vault.repo.StateStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Packs no index row names, and since when: rows of the state table (scope {@value #SCOPE}),
 * sealed as every state row is. A pack is deleted only by a pass that finds it still unnamed
 * after the grace: a writer uploads a pack before it writes the pack's index rows, so a pack
 * that is unnamed now may be one a backup is finishing.
 */
final class PackCondemnations {
    static final String SCOPE = "prune-packs";
    private static final String AT = "condemnedAt";

    private final StateStore state;

    PackCondemnations(StateStore state) {
        this.state = state;
    }

    /** Pack id to when it was condemned. */
    Map<String, Instant> read() {
        Map<String, Instant> out = new HashMap<>();
        for (Map.Entry<String, Map<String, Object>> e : state.list(SCOPE)) {
            Object at = e.getValue().get(AT);
            if (at instanceof Number n) {
                out.put(e.getKey(), Instant.ofEpochMilli(n.longValue()));
            }
        }
        return out;
    }

    void condemn(List<String> packIds, Instant at) {
        if (!packIds.isEmpty()) {
            state.putAll(packIds.stream().map(id -> new Checkpoint(SCOPE, id, Map.of(AT, at.toEpochMilli()))).toList());
        }
    }

    void forget(String packId) {
        state.delete(SCOPE, packId);
    }
}
