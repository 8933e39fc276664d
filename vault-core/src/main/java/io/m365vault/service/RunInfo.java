package io.m365vault.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A run: when it started, how many items were planned, how they stand now (count per state),
 * what they read, and the planner's warnings. {@code status} is {@code running} while any item
 * is queued or running, then {@code failed} if any failed or was poisoned, else {@code done}.
 */
public record RunInfo(String id, Instant started, String trigger, long planned, Map<ItemState, Long> counts,
                      long items, long bytes, String status, List<String> warnings) {
    public RunInfo {
        counts = Map.copyOf(counts);
        warnings = List.copyOf(warnings);
    }
}
