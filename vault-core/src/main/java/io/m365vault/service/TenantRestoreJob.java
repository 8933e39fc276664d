package io.m365vault.service;

import io.m365vault.graph.TenantGraph;
import io.m365vault.repo.Repository;
import io.m365vault.restore.tenant.MailRestore;
import io.m365vault.restore.tenant.MailRestoreOptions;
import io.m365vault.restore.tenant.MailRestoreResult;
import io.m365vault.restore.tenant.RestoreRefusedException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a restore job into the tenant and keeps its progress on the job's row: saved every
 * {@link #EVERY} messages while it goes, then done (with the failed items, if any) or failed with
 * the one line that stopped it. It is not retried by the queue: a second run would restore
 * again what the first already had.
 */
final class TenantRestoreJob {
    private static final Logger LOG = LoggerFactory.getLogger(TenantRestoreJob.class);
    static final int EVERY = 25;

    private final Repository repo;
    private final TenantGraph graph;

    TenantRestoreJob(Repository repo, TenantGraph graph) {
        this.repo = repo;
        this.graph = graph;
    }

    void run(String id, Map<String, Object> row, RestoreRequest r, Runnable save) {
        row.put("state", "running");
        save.run();
        TenantTarget t = r.tenant();
        MailRestoreOptions options = new MailRestoreOptions(t.toItem(), t.folder(), t.skipExisting(), (done, of, bytes) -> {
            if (done % EVERY == 0) {
                row.put("items", of);
                row.put("done", done);
                row.put("bytes", bytes);
                save.run();
            }
        });
        try {
            MailRestoreResult result = new MailRestore(repo, graph).restore(id, r.item(), r.at(), options);
            List<String> failed = result.failures().stream().limit(TenantProgress.LISTED).map(Object::toString).toList();
            new TenantProgress(result.messages(), result.messages(), result.restored(), result.skipped(), result.failures().size(),
                    result.bytes(), failed).write(row);
            row.put("state", "done");
            if (!result.complete()) {
                row.put("error", result.failures().size() + " of " + result.messages() + " messages not restored; see failedItems");
            }
        } catch (IOException | RuntimeException e) {
            row.put("state", "failed");
            row.put("error", e instanceof RestoreRefusedException ? e.getMessage() : "restore into the tenant stopped: " + e);
            LOG.warn("restore failed job={} item={} workload=mail target={}: {}", id, r.item(), t.toItem(), row.get("error"));
        }
    }
}
