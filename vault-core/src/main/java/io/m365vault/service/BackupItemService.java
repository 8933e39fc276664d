package io.m365vault.service;

import com.azure.storage.blob.BlobContainerClient;
import io.m365vault.backup.BackupOptions;
import io.m365vault.graph.GraphReader;
import io.m365vault.backup.ItemBackup;
import io.m365vault.backup.ItemResult;
import io.m365vault.backup.ItemResult.WorkloadResult;
import io.m365vault.backup.SyncStats;
import io.m365vault.backup.Workload;
import io.m365vault.repo.CommitRefusedException;
import io.m365vault.repo.Repository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backs up one protected item of one run: the single entry point of the queue worker and the CLI.
 * Under the item's {@link ItemLease}, so overlapping messages never run two backups of one item;
 * an item already finished in this run is not backed up again, so a redelivered message is
 * harmless. The outcome goes to the {@link RunStore}. An error outside the workloads (storage
 * down) is recorded and rethrown so the queue retries the message.
 */
public final class BackupItemService {
    private static final Logger LOG = LoggerFactory.getLogger(BackupItemService.class);

    /** A running item's row is rewritten with its counts so far, at a commit, at most this often. */
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(15);

    /** What a call did. */
    public enum Outcome { RAN, ALREADY_RUNNING, ALREADY_DONE }

    /** What a call did and where the item stands; {@code message} is one line for logs and the CLI. */
    public record Result(Outcome outcome, Optional<ItemStatus> status, String message) { }

    private final Repository repo;
    private final ItemBackup backup;
    private final RunStore runs;
    private final BlobContainerClient leases;
    private final Clock clock;
    private final Duration progressEvery;

    public BackupItemService(Repository repo, GraphReader graph, BackupOptions options, BlobContainerClient leases, Clock clock) {
        this(repo, graph, options, leases, clock, PROGRESS_EVERY);
    }

    BackupItemService(Repository repo, GraphReader graph, BackupOptions options, BlobContainerClient leases, Clock clock,
                      Duration progressEvery) {
        this.progressEvery = progressEvery;
        this.repo = repo;
        this.backup = new ItemBackup(repo, graph, options);
        this.runs = new RunStore(repo.state());
        this.leases = leases;
        this.clock = clock;
    }

    public Result backup(String runId, PlannedItem planned) {
        Optional<ItemLease> lease = ItemLease.tryAcquire(leases, repo, planned.item());
        if (lease.isEmpty()) {
            LOG.info("backup skipped run={} item={}: already running", runId, planned.item());
            return new Result(Outcome.ALREADY_RUNNING, runs.item(runId, planned.item()), "skipped: already running");
        }
        try (ItemLease held = lease.get()) {
            Optional<ItemStatus> before = runs.item(runId, planned.item());
            if (before.isPresent() && before.get().state().terminal()) {
                LOG.info("backup skipped run={} item={}: already {}", runId, planned.item(), before.get().state().json());
                return new Result(Outcome.ALREADY_DONE, before, "skipped: already " + before.get().state().json() + " in run " + runId);
            }
            Instant start = clock.instant();
            ItemStatus running = ItemStatus.queued(planned).with(ItemState.RUNNING, start, null, List.of());
            runs.put(runId, running);
            // Before each commit: the lease must still be ours, and now and then the item's row
            // shows what it has seen so far.
            Instant[] lastProgress = {start};
            Consumer<Map<Workload, SyncStats>> beforeCommit = soFar -> {
                held.check();
                Instant now = clock.instant();
                if (!now.isBefore(lastProgress[0].plus(progressEvery))) {
                    runs.put(runId, progress(planned, start, soFar));
                    lastProgress[0] = now;
                }
            };
            ItemResult result;
            try {
                result = backup.run(runId, start, planned.item(), planned.workloads(), beforeCommit);
            } catch (CommitRefusedException e) {
                // The item may be another worker's now: its status is that worker's to write.
                LOG.error("backup stopped run={} item={}: {}", runId, planned.item(), e.getMessage());
                throw e;
            } catch (RuntimeException e) {
                // Back to queued with the reason: the queue retries, and the poison queue records the last one.
                runs.put(runId, running.with(ItemState.QUEUED, start, clock.instant(), List.of("attempt failed: " + e)));
                throw e;
            }
            ItemStatus done = status(planned, result, start, clock.instant());
            runs.put(runId, done);
            LOG.info("backup done run={} item={} state={} items={} bytes={} errors={} failedItems={}", runId, planned.item(),
                    done.state().json(), done.items(), done.bytes(), done.errors().size(), done.failedItems().size());
            return new Result(Outcome.RAN, Optional.of(done), done.state().json()
                    + (done.failedItems().isEmpty() ? "" : ", " + done.failedItems().size() + " items failed (retried next run)"));
        }
    }

    /** Marks an item whose message the queue gave up on (the poison queue's handler calls this). */
    public void poisoned(String runId, PlannedItem planned, String reason) {
        ItemStatus s = runs.item(runId, planned.item()).orElse(ItemStatus.queued(planned));
        List<String> errors = new ArrayList<>(s.errors());
        errors.add("poison: " + reason);
        runs.putLate(runId, new ItemStatus(s.item(), ItemState.POISON, s.workloads(), s.started(), clock.instant(), s.items(),
                s.added(), s.changed(), s.removed(), s.bytes(), errors, s.failedItems()));
        LOG.error("backup poisoned run={} item={}: {}", runId, planned.item(), reason);
    }

    static ItemStatus status(PlannedItem planned, ItemResult result, Instant start, Instant end) {
        boolean failed = false;
        boolean allSkipped = true;
        List<String> errors = new ArrayList<>();
        List<String> failedItems = new ArrayList<>();
        List<SyncStats> stats = new ArrayList<>();
        for (Map.Entry<Workload, WorkloadResult> e : result.workloads().entrySet()) {
            WorkloadResult w = e.getValue();
            stats.add(w.stats());
            w.faults().forEach(f -> failedItems.add(e.getKey().id() + " " + f));
            failed |= w.outcome() == WorkloadResult.Outcome.FAILED;
            allSkipped &= w.outcome() == WorkloadResult.Outcome.SKIPPED;
            if (w.outcome() != WorkloadResult.Outcome.DONE) {
                String id = e.getKey().id();
                errors.add(id + " " + w.outcome().name().toLowerCase(java.util.Locale.ROOT) + ": " + w.reason());
            }
        }
        ItemState state = failed ? ItemState.FAILED : allSkipped ? ItemState.SKIPPED : ItemState.DONE;
        return counted(planned, state, start, end, stats, errors, failedItems);
    }

    /** A running item with what its workloads have seen so far. */
    static ItemStatus progress(PlannedItem planned, Instant start, Map<Workload, SyncStats> soFar) {
        return counted(planned, ItemState.RUNNING, start, null, soFar.values(), List.of(), List.of());
    }

    private static ItemStatus counted(PlannedItem planned, ItemState state, Instant start, Instant end,
                                      Collection<SyncStats> stats, List<String> errors, List<String> failedItems) {
        long items = 0, added = 0, changed = 0, removed = 0, bytes = 0;
        for (SyncStats st : stats) {
            items += st.items();
            added += st.added();
            changed += st.changed();
            removed += st.removed();
            bytes += st.bytesFetched();
        }
        return new ItemStatus(planned.item(), state, planned.workloads(), start, end, items, added, changed, removed, bytes, errors,
                failedItems);
    }
}
