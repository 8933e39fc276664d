package io.m365vault.repo;

import java.util.Map;

/** A state row a commit writes last: a delta link, a page checkpoint, a run's progress. */
public record Checkpoint(String scope, String key, Map<String, Object> values) {
    public Checkpoint {
        values = Map.copyOf(values);
    }
}
