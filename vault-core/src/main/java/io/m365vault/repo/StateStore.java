package io.m365vault.repo;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state table: delta links and page checkpoints per (protected item, workload, folder),
 * failed items to retry, runs and their per-item status, restore jobs. {@link TableStateStore}
 * keeps it in Table Storage, {@link MemoryStateStore} in memory for fast tests.
 */
public interface StateStore {
    /** Replaces the row (a checkpoint's absent fields must go). */
    void put(Checkpoint c);

    /** Many rows at once. */
    void putAll(List<Checkpoint> rows);

    Optional<Map<String, Object>> get(String scope, String key);

    /** Every row of a scope as (key, values), in key order. */
    List<Map.Entry<String, Map<String, Object>>> list(String scope);

    /** Deletes the row; a row that is not there is no error. */
    void delete(String scope, String key);
}
