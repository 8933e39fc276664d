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
    public enum Outcome { RAN, ALREADY_RUNNING, ALREADY_DONE, INTERRUPTED }

    /** What a call did and where the item stands; {@code message} is one line for logs and the CLI. */
    public record Result(Outcome outcome, Optional<ItemStatus> status, String message) { }

    private final Repository repo;
    private final ItemBackup backup;
    private final RunStore runs;
    private final Inventory inventory;
    private final GraphReader graph;
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
        this.inventory = new Inventory(repo.state());
        this.graph = graph;
        this.leases = leases;
        this.clock = clock;
    }

    /** What a call does when another worker holds the item's lease. */
    public enum WhenHeld {
        /** Throw {@link ItemHeldException}: the queue delivers the message again later, when the item is free or done. */
        RETRY_LATER,
        /** Record the item as skipped in this run, naming the run that holds it (the CLI goes on with the rest). */
        RECORD
    }

    /** As the queue worker calls it: an item held by another worker is retried later. */
    public Result backup(String runId, PlannedItem planned) {
        return backup(runId, planned, WhenHeld.RETRY_LATER);
    }

    public Result backup(String runId, PlannedItem planned, WhenHeld whenHeld) {
        return backup(runId, planned, whenHeld, () -> false, n -> { });
    }

    /**
     * As {@link #backup(String, PlannedItem, WhenHeld)}, stopping at the next commit once
     * {@code stop} says so (the CLI's Ctrl-C): what was committed stays, the lease is released and
     * the item is recorded {@link ItemState#INTERRUPTED}. An item not begun when asked to stop is
     * recorded so without being started. {@code onBytes} hears of content as it is stored.
     */
    public Result backup(String runId, PlannedItem planned, WhenHeld whenHeld, java.util.function.BooleanSupplier stop,
                         java.util.function.LongConsumer onBytes) {
        if (stop.getAsBoolean()) {
            return interrupted(runId, ItemStatus.queued(planned), clock.instant(), "not started: the backup was stopped");
        }
        Optional<ItemLease> lease = ItemLease.tryAcquire(leases, repo, planned.item(), runId);
        if (lease.isEmpty()) {
            return held(runId, planned, whenHeld);
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
            // Who the item is, asked now: one request, and a name the inventory keeps should the item later go.
            ItemIdentity who = ItemIdentity.lookUp(graph, planned.item());
            // Before each commit: the lease must still be ours, and now and then the item's row
            // shows what it has seen so far.
            Instant[] lastProgress = {start};
            Consumer<Map<Workload, SyncStats>> beforeCommit = soFar -> {
                if (stop.getAsBoolean()) {
                    throw new StopRequested();
                }
                held.check();
                Instant now = clock.instant();
                if (!now.isBefore(lastProgress[0].plus(progressEvery))) {
                    runs.put(runId, progress(planned, start, soFar));
                    lastProgress[0] = now;
                }
            };
            ItemResult result;
            try {
                result = backup.run(runId, start, planned.item(), planned.workloads(), beforeCommit, onBytes);
            } catch (CommitRefusedException e) {
                if (e.getCause() instanceof StopRequested) {
                    return interrupted(runId, running, start, "stopped at a safe point; what was committed stays and the next run resumes");
                }
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
            inventory.record(planned.item(), who, planned.workloads(), start, runId, done.state());
            LOG.info("backup done run={} item={} state={} items={} bytes={} errors={} failedItems={}", runId, planned.item(),
                    done.state().json(), done.items(), done.bytes(), done.errors().size(), done.failedItems().size());
            return new Result(Outcome.RAN, Optional.of(done), done.state().json()
                    + (done.failedItems().isEmpty() ? "" : ", " + done.failedItems().size() + " items failed (retried next run)"));
        }
    }

    /**
     * Records an item whose attempt threw as failed, with why: for callers with no queue to try it
     * again (the CLI), so that its run still ends. An item another worker took (its lease lost)
     * keeps the status that worker writes; one already finished keeps its own.
     */
    public ItemStatus failed(String runId, PlannedItem planned, RuntimeException e) {
        Optional<ItemStatus> now = runs.item(runId, planned.item());
        ItemStatus base = now.orElse(ItemStatus.queued(planned));
        if (e instanceof CommitRefusedException || base.state().terminal()) {
            return base;
        }
        Instant end = clock.instant();
        ItemStatus s = base.with(ItemState.FAILED, base.started() != null ? base.started() : end, end,
                List.of("attempt failed: " + e.getMessage()));
        runs.put(runId, s);
        LOG.error("backup failed run={} item={}: {}", runId, planned.item(), e.getMessage());
        return s;
    }

    /** Asked by the operator to stop; thrown from the commit guard, so nothing of that commit is written. */
    private static final class StopRequested extends RuntimeException {
        StopRequested() {
            super("stop requested");
        }
    }

    private Result interrupted(String runId, ItemStatus status, Instant start, String why) {
        ItemStatus s = status.with(ItemState.INTERRUPTED, start, clock.instant(), List.of("interrupted: " + why));
        runs.put(runId, s);
        LOG.info("backup interrupted run={} item={}: {}", runId, s.item(), why);
        return new Result(Outcome.INTERRUPTED, Optional.of(s), "interrupted: " + why);
    }

    private Result held(String runId, PlannedItem planned, WhenHeld whenHeld) {
        Optional<ItemStatus> now = runs.item(runId, planned.item());
        if (now.isPresent() && now.get().state().terminal()) {
            return new Result(Outcome.ALREADY_DONE, now, "skipped: already " + now.get().state().json() + " in run " + runId);
        }
        String holder = ItemLease.holder(leases, repo, planned.item()).orElse("unknown");
        String why = "held by " + (holder.equals(runId) ? "another worker of this run" : "run " + holder)
                + ": its lease runs out at most " + ItemLease.SECONDS + " s after that worker stops";
        LOG.info("backup held run={} item={}: {}", runId, planned.item(), why);
        if (whenHeld == WhenHeld.RETRY_LATER) {
            throw new ItemHeldException(planned.item() + " is " + why + "; the queue delivers this message again");
        }
        Instant now2 = clock.instant();
        ItemStatus skipped = ItemStatus.queued(planned).with(ItemState.SKIPPED, now2, now2, List.of("not backed up in this run: " + why));
        runs.put(runId, skipped);
        return new Result(Outcome.ALREADY_RUNNING, Optional.of(skipped), "skipped: " + why);
    }

    /**
     * Marks an item whose message the queue gave up on (the poison queue's handler calls this),
     * unless the item finished in this run (a poisoned duplicate changes nothing) or a worker
     * holding its lease is still backing it up (that worker writes its outcome).
     */
    public void poisoned(String runId, PlannedItem planned, String reason) {
        Optional<ItemStatus> now = runs.item(runId, planned.item());
        if (now.isPresent() && now.get().state().terminal()) {
            LOG.info("poisoned copy ignored run={} item={}: the item is already {}", runId, planned.item(), now.get().state().json());
            return;
        }
        if (now.isPresent() && now.get().state() == ItemState.RUNNING && ItemLease.holder(leases, repo, planned.item()).isPresent()) {
            LOG.info("poisoned copy ignored run={} item={}: a worker holding its lease is backing it up", runId, planned.item());
            return;
        }
        ItemStatus s = now.orElse(ItemStatus.queued(planned));
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
            // A workload done but not whole says what it left out (lists: attachments), as "lists done: ...".
            if (w.outcome() != WorkloadResult.Outcome.DONE || w.reason() != null) {
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
