package io.m365vault.backup;

import io.m365vault.graph.GraphReader;
import io.m365vault.repo.Repository;
import io.m365vault.repo.WriterSession;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One workload's sync of one protected item in one run. Every version change of the run is dated
 * {@code runTime}, so an item moved between two folders has no gap between its two versions
 * however far apart the folders are synced. {@code faults} collects the items that failed,
 * {@code closed} the containers (folders, calendars, events) this run closed, whose children
 * close with them at the end of the workload; {@code view} is what the run sees of the catalog.
 */
public record SyncContext(String runId, Instant runTime, ProtectedItem item, Workload workload,
                          Repository repo, WriterSession session, GraphReader graph, ContentWindow window,
                          SyncStats stats, List<ItemFault> faults, FailedItems failed, Set<String> closed, RunView view) {

    /** A context with its run view, made now: before the session commits anything. */
    public SyncContext(String runId, Instant runTime, ProtectedItem item, Workload workload, Repository repo, WriterSession session,
                       GraphReader graph, ContentWindow window, SyncStats stats, List<ItemFault> faults, FailedItems failed,
                       Set<String> closed) {
        this(runId, runTime, item, workload, repo, session, graph, window, stats, faults, failed, closed,
                new RunView(repo.catalog(), session, item.partition(workload)));
    }

    public String partition() {
        return item.partition(workload);
    }

    /** The state scope of this workload's delta links and checkpoints. */
    public String stateScope() {
        return "sync:" + partition();
    }

    /** The Graph path of the protected item, e.g. {@code users/<id>}. */
    public String base() {
        return item.kind() + "s/" + Json.seg(item.id());
    }
}
