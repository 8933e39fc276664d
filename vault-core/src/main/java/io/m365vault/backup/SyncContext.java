package io.m365vault.backup;

import io.m365vault.repo.Repository;
import io.m365vault.repo.WriterSession;
import java.time.Instant;
import java.util.concurrent.ExecutorService;

/**
 * One workload's sync of one protected item in one run. Every version change of the run is dated
 * {@code runTime}, so an item moved between two folders has no gap between its two versions
 * however far apart the folders are synced.
 */
public record SyncContext(String runId, Instant runTime, ProtectedItem item, Workload workload,
                          Repository repo, WriterSession session, GraphReader graph,
                          ExecutorService fetchers, SyncStats stats) {

    public String partition() {
        return item.partition(workload);
    }

    /** The state scope of this workload's delta links and checkpoints. */
    public String stateScope() {
        return "sync:" + partition();
    }
}
