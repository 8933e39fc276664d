package io.m365vault.service;

import io.m365vault.repo.Checkpoint;
import io.m365vault.repo.StateStore;
import io.m365vault.restore.tenant.RestoreLedger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tenant restore job's ledger in the state table, scope {@code restored:<job>}: a row per item
 * written (its key sealed like every state key), read whole when the job starts, so a run after
 * a killed worker skips what that worker wrote. One upsert per item: at Graph's 4 writes in
 * flight per mailbox that is a few a second, far under a table partition's 2,000 a second.
 */
final class JobLedger implements RestoreLedger {
    private final StateStore state;
    private final String scope;
    private final Map<String, Long> written = new ConcurrentHashMap<>();

    JobLedger(StateStore state, String job) {
        this.state = state;
        this.scope = "restored:" + job;
        for (Map.Entry<String, Map<String, Object>> row : state.list(scope)) {
            written.put(row.getKey(), ((Number) row.getValue().get("bytes")).longValue());
        }
    }

    /** How many items earlier attempts wrote. */
    int size() {
        return written.size();
    }

    @Override
    public long written(String workload, String item) {
        return written.getOrDefault(key(workload, item), -1L);
    }

    @Override
    public void wrote(String workload, String item, long bytes) {
        String key = key(workload, item);
        state.put(new Checkpoint(scope, key, Map.of("bytes", bytes)));
        written.put(key, bytes);
    }

    /** Drops the ledger once the job has ended: nothing will resume it. */
    void delete() {
        written.keySet().forEach(k -> state.delete(scope, k));
    }

    private static String key(String workload, String item) {
        return workload + "\n" + item;
    }
}
