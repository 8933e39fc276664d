package io.m365vault.backup;

import io.m365vault.backup.ItemResult.WorkloadResult;
import io.m365vault.graph.CredentialsRefusedException;
import io.m365vault.graph.GraphNotFoundException;
import io.m365vault.graph.GraphReader;
import io.m365vault.repo.CommitRefusedException;
import io.m365vault.repo.Repository;
import io.m365vault.repo.WriterSession;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backs up one protected item: each requested workload in turn, each through a writer session of
 * its own (a session that failed mid-commit is never reused). A workload that fails is recorded
 * with its reason and the others still run; what it committed before failing stays, and the next
 * run resumes from its checkpoint. Items that fail are the workload's faults, not its failure.
 */
public final class ItemBackup {
    private static final Logger LOG = LoggerFactory.getLogger(ItemBackup.class);
    /** Graph allows 4 concurrent requests per mailbox: content is fetched at most that wide. */
    private static final int FETCHERS = 4;
    /** Content downloaded ahead of the writer, at most. */
    static final long WINDOW_BYTES = 32 << 20;

    private final Repository repo;
    private final GraphReader graph;
    private final BackupOptions options;
    private final long windowBytes;

    public ItemBackup(Repository repo, GraphReader graph, BackupOptions options) {
        this(repo, graph, options, WINDOW_BYTES);
    }

    ItemBackup(Repository repo, GraphReader graph, BackupOptions options, long windowBytes) {
        this.repo = repo;
        this.graph = graph;
        this.options = options;
        this.windowBytes = windowBytes;
    }

    public ItemResult run(String runId, Instant runTime, ProtectedItem item, Set<Workload> workloads) {
        return run(runId, runTime, item, workloads, soFar -> { });
    }

    /**
     * As {@link #run(String, Instant, ProtectedItem, Set)}, calling {@code beforeCommit} before
     * every commit, on this thread, with each workload's stats so far (the caller checks its lease
     * and shows progress there).
     *
     * @throws CommitRefusedException when {@code beforeCommit} throws: the item's backup stops at once
     */
    public ItemResult run(String runId, Instant runTime, ProtectedItem item, Set<Workload> workloads,
                          Consumer<Map<Workload, SyncStats>> beforeCommit) {
        return run(runId, runTime, item, workloads, beforeCommit, n -> { });
    }

    /** As above, telling {@code onBytes} of content as it is stored, for progress that moves inside a long item. */
    public ItemResult run(String runId, Instant runTime, ProtectedItem item, Set<Workload> workloads,
                          Consumer<Map<Workload, SyncStats>> beforeCommit, java.util.function.LongConsumer onBytes) {
        // The catalog keeps milliseconds: a run's time must compare equal to what it wrote.
        Instant time = runTime.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Map<Workload, WorkloadResult> results = new EnumMap<>(Workload.class);
        Map<Workload, SyncStats> soFar = new EnumMap<>(Workload.class);
        Map<Workload, SyncStats> view = Collections.unmodifiableMap(soFar);
        ExecutorService fetchers = Executors.newFixedThreadPool(FETCHERS, r -> {
            Thread t = new Thread(r, "graph-fetch-" + item);
            t.setDaemon(true);
            return t;
        });
        try {
            for (Workload w : EnumSet.copyOf(workloads)) { // in a fixed order, whatever the set
                SyncStats stats = new SyncStats(onBytes);
                soFar.put(w, stats);
                Optional<Workloads.Entry> entry = Workloads.of(w);
                if (entry.isEmpty()) {
                    results.put(w, new WorkloadResult(WorkloadResult.Outcome.SKIPPED, "workload " + w.id() + " is not supported yet",
                            stats, List.of()));
                    continue;
                }
                if (!entry.get().covers(item)) {
                    results.put(w, new WorkloadResult(WorkloadResult.Outcome.SKIPPED, item + " has no " + w.id() + ": they are a site's",
                            stats, List.of()));
                    continue;
                }
                try (WriterSession session = repo.newSession(() -> beforeCommit.accept(view))) {
                    SyncContext ctx = new SyncContext(runId, time, item, w, repo, session, graph,
                            new ContentWindow(fetchers, windowBytes), stats, new ArrayList<>(),
                            FailedItems.load(repo.state(), item.partition(w)), new HashSet<>());
                    results.put(w, runWorkload(ctx, entry.get().sync().apply(options)));
                }
            }
        } finally {
            fetchers.shutdownNow();
        }
        return new ItemResult(item, results);
    }

    private WorkloadResult runWorkload(SyncContext ctx, WorkloadSync sync) {
        Workload w = ctx.workload();
        try {
            sync.run(ctx);
            Orphans.close(ctx, sync);
            ctx.session().commit();
            LOG.info("synced run={} item={} workload={} {}", ctx.runId(), ctx.item(), w.id(), ctx.stats());
            return new WorkloadResult(WorkloadResult.Outcome.DONE, sync.note(), ctx.stats(), List.copyOf(ctx.faults()));
        } catch (GraphNotFoundException e) {
            if ("MailboxNotEnabledForRESTAPI".equals(e.code()) || "ResourceNotFound".equals(e.code())) {
                LOG.info("skipped run={} item={} workload={}: {}", ctx.runId(), ctx.item(), w.id(), e.getMessage());
                return new WorkloadResult(WorkloadResult.Outcome.SKIPPED, e.getMessage(), ctx.stats(), List.of());
            }
            return failed(ctx, sync, e);
        } catch (CommitRefusedException e) {
            throw e;
        } catch (CredentialsRefusedException e) {
            // The app's, not this item's: every item would fail the same way, so the run stops here.
            keepWhatStands(ctx, sync);
            throw e;
        } catch (IOException | RuntimeException e) {
            return failed(ctx, sync, e);
        }
    }

    /**
     * What the workload did before it failed (the folders it read) is kept: its rows and
     * checkpoints are as consistent as at any crash. A session broken by storage refuses, and then
     * the next run redoes the work.
     */
    private static void keepWhatStands(SyncContext ctx, WorkloadSync sync) {
        try {
            Orphans.close(ctx, sync);
            ctx.session().commit();
        } catch (CommitRefusedException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("nothing more committed run={} item={} workload={}: {}", ctx.runId(), ctx.item(), ctx.workload().id(), e.toString());
        }
    }

    private static WorkloadResult failed(SyncContext ctx, WorkloadSync sync, Exception e) {
        LOG.error("failed run={} item={} workload={}: {}", ctx.runId(), ctx.item(), ctx.workload().id(), e.toString(), e);
        keepWhatStands(ctx, sync);
        return new WorkloadResult(WorkloadResult.Outcome.FAILED, e.getMessage() == null ? e.toString() : e.getMessage(), ctx.stats(),
                List.copyOf(ctx.faults()));
    }
}
