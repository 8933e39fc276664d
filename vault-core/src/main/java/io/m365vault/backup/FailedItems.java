package io.m365vault.backup;

import io.m365vault.repo.Checkpoint;
import io.m365vault.repo.StateStore;
import io.m365vault.repo.WriterSession;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The items of one workload that failed and are to be retried, in the state table: scope
 * {@code failed:<partition>}, one row per item (key = collection key, newline, item id). Rows
 * are written and cleared through the writer session, so they commit with the checkpoint that
 * moves past the item: a checkpoint never gets ahead of the record of what it skipped.
 */
public final class FailedItems {
    /** What is known of a failed item: its collection, kind, reason, when it first failed, attempts so far. */
    public record Row(String collection, String itemId, String kind, String reason, Instant since, long attempts) { }

    private final String scope;
    private final Map<String, Row> rows = new LinkedHashMap<>();

    private FailedItems(String scope) {
        this.scope = scope;
    }

    static FailedItems load(StateStore state, String partition) {
        FailedItems f = new FailedItems("failed:" + partition);
        for (Map.Entry<String, Map<String, Object>> e : state.list(f.scope)) {
            Map<String, Object> v = e.getValue();
            int nl = e.getKey().indexOf('\n');
            if (nl < 0) {
                continue;
            }
            String collection = e.getKey().substring(0, nl);
            String id = e.getKey().substring(nl + 1);
            f.rows.put(e.getKey(), new Row(collection, id, (String) v.get("kind"), (String) v.get("reason"),
                    Instant.parse((String) v.get("since")), ((Number) v.getOrDefault("attempts", 1L)).longValue()));
        }
        return f;
    }

    /** Every failed item of the workload. */
    public List<Row> rows() {
        return List.copyOf(rows.values());
    }

    /** The failed items of one collection, in the order they failed. */
    public List<Row> of(String collection) {
        return rows.values().stream().filter(r -> r.collection().equals(collection)).toList();
    }

    boolean contains(String collection, String itemId) {
        return rows.containsKey(key(collection, itemId));
    }

    /** Records (or records again) a failure; written by the session's next commit. */
    void failed(WriterSession session, Instant now, ItemFault fault) {
        String key = key(fault.collection(), fault.itemId());
        Row before = rows.get(key);
        Row row = new Row(fault.collection(), fault.itemId(), fault.kind(), fault.reason(),
                before == null ? now : before.since(), before == null ? 1 : before.attempts() + 1);
        rows.put(key, row);
        Map<String, Object> v = new HashMap<>();
        v.put("kind", row.kind());
        v.put("reason", row.reason());
        v.put("since", row.since().toString());
        v.put("attempts", row.attempts());
        // Queued, not committed now: a commit here would make the page's rows so far durable without its checkpoint.
        session.queue(new Checkpoint(scope, key, v));
    }

    /** The item is backed up (or gone): its row goes with the session's next commit. */
    public void cleared(WriterSession session, String collection, String itemId) {
        if (rows.remove(key(collection, itemId)) != null) {
            session.forget(scope, key(collection, itemId));
        }
    }

    private static String key(String collection, String itemId) {
        return collection + "\n" + itemId;
    }
}
