package io.m365vault.restore.tenant;

import io.m365vault.backup.Json;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.graph.GraphStatusException;
import io.m365vault.graph.TenantGraph;
import io.m365vault.repo.Parallel;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every workload's restore into a mailbox or a drive shares: the check that it answers, the
 * items prepared in order (target folder, skip check, content read) and written
 * {@link #IN_FLIGHT} at a time in batches of {@link #BATCH}, one item's failure reported while the
 * rest go on, and an answer about the mailbox or drive as a whole (none there, no permission)
 * stopping it all with one line.
 */
final class RestoreRun {
    private static final Logger LOG = LoggerFactory.getLogger(RestoreRun.class);

    /** Graph's limit of concurrent requests per app and mailbox (DESIGN §4), which the governor also holds to. */
    static final int IN_FLIGHT = 4;
    /** Items read from the repository ahead of their writes: bounds the content held in memory. */
    static final int BATCH = 16;

    /** One item's writes, once prepared; returns the bytes of the repository's content it restored. */
    interface Write {
        long run() throws IOException;
    }

    /** Prepares one item: its write, or null when it is skipped (the preparer tells the tally). */
    interface Prepare<T> {
        Write of(T item, RestoreTally tally) throws IOException;
    }

    private final TenantGraph graph;
    private final String job;
    private final ProtectedItem source;
    private final Instant at;
    private final TenantRestoreOptions options;
    private final String workload;
    private final String permission;
    private final String place;

    /** @param permission the application permission a write of this workload needs, named in the refusal */
    RestoreRun(TenantGraph graph, String job, ProtectedItem source, Instant at, TenantRestoreOptions options, String workload,
               String permission) {
        this(graph, job, source, at, options, workload, permission, "mailbox");
    }

    /** @param place what the target holds the items in, named in the refusal: "mailbox" (a user's only) or "drive" */
    RestoreRun(TenantGraph graph, String job, ProtectedItem source, Instant at, TenantRestoreOptions options, String workload,
               String permission, String place) {
        if ("mailbox".equals(place) && (!"user".equals(options.target().kind()) || !"user".equals(source.kind()))) {
            throw new IllegalArgumentException(workload + " is restored from a user's mailbox into a user's mailbox, not "
                    + source + " into " + options.target());
        }
        this.place = place;
        this.graph = graph;
        this.job = job;
        this.source = source;
        this.at = at;
        this.options = options;
        this.workload = workload;
        this.permission = permission;
    }

    /** The target user's id. */
    String user() {
        return options.target().id();
    }

    /** {@code /users/{id}}, the prefix of every path this restore writes. */
    String mailbox() {
        return "/users/" + Json.seg(user());
    }

    ProtectedItem target() {
        return options.target();
    }

    /** The answer to a GET of {@code path} that the target must give before anything is written; a refusal stops the restore. */
    com.fasterxml.jackson.databind.JsonNode answer(String path) throws IOException {
        try {
            return graph.requests().getJson(path, Map.of());
        } catch (GraphStatusException e) {
            throw refusal(e);
        }
    }

    /** The target folders of {@code source}'s tree, under the folder the restore was asked to go under; a refusal of the mailbox stops it. */
    TargetFolders folders(TargetFolders.Tree tree, Map<String, TargetFolders.Source> source) throws IOException {
        return folders(tree, mailbox(), source);
    }

    /** As {@link #folders(TargetFolders.Tree, Map)} in the tree under {@code base} (a mailbox's or a drive's path). */
    TargetFolders folders(TargetFolders.Tree tree, String base, Map<String, TargetFolders.Source> source) throws IOException {
        try {
            return TargetFolders.under(graph.requests(), tree, base, source, options.folder());
        } catch (GraphStatusException e) {
            throw refusal(e);
        }
    }

    /** Whether to leave the item out, as asked, because the target folder holds it; a skipped item is told to the tally. */
    boolean skipped(ExistingItems existing, String folder, String key, RestoreTally tally) throws IOException {
        if (options.skipExisting() && existing.holds(folder, key)) {
            tally.skipped();
            return true;
        }
        return false;
    }

    /** The write, after which the item counts as there, so the same item twice in one restore is written once when skipping. */
    Write remembered(ExistingItems existing, String folder, String key, Write write) {
        return () -> {
            long bytes = write.run();
            if (options.skipExisting()) {
                existing.added(folder, key);
            }
            return bytes;
        };
    }

    /**
     * Prepares and writes every item; {@code created} says at the end how many folders or
     * calendars were made.
     *
     * @throws RestoreRefusedException when an answer refused the mailbox as a whole
     */
    <T> TenantRestoreResult each(List<T> items, Function<T, String> idOf, String what, IntSupplier created, Prepare<T> prepare) {
        LOG.info("tenant restore start job={} item={} workload={} at={} target={} folder={} items={} skipExisting={}",
                job, source, workload, at, options.target(), options.folder(), items.size(), options.skipExisting());
        RestoreTally tally = new RestoreTally(job, source, what, items.size(), options.progress());
        long started = System.nanoTime();
        try (Parallel pool = new Parallel(IN_FLIGHT)) {
            for (int i = 0; i < items.size() && tally.refusal() == null; i += BATCH) {
                // Targets and skip checks are resolved here, in order; only the writes run side by side.
                List<Runnable> writes = new ArrayList<>();
                for (T item : items.subList(i, Math.min(items.size(), i + BATCH))) {
                    String id = idOf.apply(item);
                    long before = options.ledger().written(workload, id);
                    if (before >= 0) {
                        // Written by an earlier attempt of this job, whose worker died.
                        tally.restored(before);
                        continue;
                    }
                    Write w = guarded(id, tally, () -> prepare.of(item, tally));
                    if (w != null) {
                        writes.add(() -> guarded(id, tally, () -> {
                            long bytes = w.run();
                            options.ledger().wrote(workload, id, bytes);
                            tally.restored(bytes);
                            return null;
                        }));
                    }
                }
                pool.runAll(writes);
            }
        }
        if (tally.refusal() != null) {
            throw refusal(tally.refusal());
        }
        TenantRestoreResult result = tally.result(created.getAsInt());
        double seconds = (System.nanoTime() - started) / 1e9;
        LOG.info("tenant restore done job={} item={} workload={} target={} restored={} skipped={} failed={} bytes={} foldersCreated={}"
                        + " seconds={} perMinute={}", job, source, workload, options.target(), result.restored(), result.skipped(),
                result.failures().size(), result.bytes(), result.foldersCreated(), String.format("%.1f", seconds),
                Math.round(result.restored() * 60 / Math.max(seconds, 0.001)));
        return result;
    }

    private interface Step<R> {
        R run() throws IOException;
    }

    /** The step's answer, or null once its failure is told: the item's, or the mailbox's as a whole. */
    private static <R> R guarded(String id, RestoreTally tally, Step<R> step) {
        try {
            return step.run();
        } catch (GraphStatusException e) {
            if (stopsAll(e)) {
                tally.refused(e);
            } else {
                tally.failed(id, e.getMessage());
            }
        } catch (IOException | RuntimeException e) {
            tally.failed(id, e.getMessage());
        }
        return null;
    }

    /** Answers about the mailbox as a whole, not about one item: no such mailbox, or no permission. */
    static boolean stopsAll(GraphStatusException e) {
        return e.status() == 403 || e.status() == 401
                || (e.status() == 404 && Set.of("MailboxNotEnabledForRESTAPI", "ResourceNotFound", "ErrorInvalidUser").contains(e.code()));
    }

    RestoreRefusedException refusal(GraphStatusException e) {
        if (e.status() == 403 || e.status() == 401) {
            return new RestoreRefusedException("Graph refuses to write the " + place + " of " + options.target() + " (" + e.status() + " " + e.code()
                    + "): the app needs the " + permission + " application permission (VAULT_GRAPH_RESTORE=true in the deployment)");
        }
        if (e.status() == 404) {
            return new RestoreRefusedException(options.target() + " has no " + place + " Graph can reach (404 " + e.code() + ")");
        }
        return new RestoreRefusedException("the " + place + " of " + options.target() + " cannot be restored into: " + e.getMessage());
    }
}
