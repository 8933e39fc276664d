package io.m365vault.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.azure.storage.blob.BlobContainerClient;
import io.m365vault.graph.TenantGraph;
import io.m365vault.repo.Checkpoint;
import io.m365vault.repo.Repository;
import io.m365vault.repo.StateStore;
import io.m365vault.restore.ExportException;
import io.m365vault.restore.ExportOptions;
import io.m365vault.restore.ExportResult;
import io.m365vault.restore.ItemExporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restore jobs: {@link #submit} records a job and queues it on {@code restore-jobs};
 * {@link #run} (the queue worker) exports the item at its point in time into the
 * {@link ExportStore} as one zip; {@link #get} answers the job with a read-only download link made
 * at the time of asking, so no link is ever stored. A job's export has a window (VAULT_EXPORT_DAYS):
 * links end with it, and once it has ended the job is {@code expired}. Jobs live in the state
 * table, scope {@code restores}. A job into the tenant ({@link TenantRestoreJob}) writes through
 * Graph instead and keeps its progress on its row.
 */
public final class RestoreService {
    private static final Logger LOG = LoggerFactory.getLogger(RestoreService.class);
    private static final String SCOPE = "restores";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Repository repo;
    private final ItemLookup items;
    private final StateStore state;
    private final QueueSender jobs;
    private final ExportStore exports;
    private final Clock clock;
    private final TenantRestoreJob tenant;
    private final BlobContainerClient leases;

    public RestoreService(Repository repo, ItemLookup items, QueueSender jobs, ExportStore exports, Clock clock) {
        this(repo, items, jobs, exports, clock, null, null);
    }

    /**
     * @param graph  the tenant's Graph, for restores into it; null refuses them
     * @param leases the lease container ({@link ItemLease#container}): a tenant job's worker holds its job's lease
     */
    public RestoreService(Repository repo, ItemLookup items, QueueSender jobs, ExportStore exports, Clock clock, TenantGraph graph,
                          BlobContainerClient leases) {
        this.repo = repo;
        this.items = items;
        this.state = repo.state();
        this.jobs = jobs;
        this.exports = exports;
        this.clock = clock;
        this.tenant = graph == null ? null : new TenantRestoreJob(repo, graph);
        this.leases = leases;
        if (graph != null && leases == null) {
            throw new IllegalArgumentException("a restore service that writes into the tenant needs the lease container");
        }
    }

    /**
     * Checks the body, records the job and queues it; a user named by UPN is recorded by id.
     *
     * @throws InvalidRequestException on a bad body or a time in the future
     * @throws NotFoundException       no such user, or nothing of the item backed up at the time asked
     */
    public RestoreJob submit(String body) {
        Instant now = clock.instant();
        RestoreRequest asked = RestoreRequest.parse(body, now);
        RestoreRequest request = asked.withItem(items.backedUp(asked.item(), asked.at()));
        if (request.intoTenant()) {
            if (tenant == null) {
                throw new InvalidRequestException("restore request.target " + request.target() + ": this service has no Graph client to write with");
            }
            // The target must be in the tenant now (the source need not be: it may have left since its backup).
            request = request.withTenant(request.tenant().withToItem(items.target(request.tenant().toItem())));
        }
        String id = TimeIds.next(now);
        Map<String, Object> row = new HashMap<>();
        row.put("state", "queued");
        row.put("request", request.toJson());
        row.put("created", now.toString());
        state.put(new Checkpoint(SCOPE, id, row));
        jobs.send("{\"job\":\"" + id + "\"}");
        LOG.info("restore queued job={} item={} at={} target={}", id, request.item(), request.at(), request.target());
        return job(id, row);
    }

    /**
     * The job, with a fresh download link when it is done; {@code expired} with the reason, and no
     * link, once its export's window has ended (a done job recorded without a window end, by an
     * older version, counts as expired). Empty for an unknown or malformed id.
     */
    public Optional<RestoreJob> get(String id) {
        if (!TimeIds.valid(id)) {
            return Optional.empty();
        }
        return state.get(SCOPE, id).map(row -> {
            RestoreJob job = job(id, row);
            if ("running".equals(job.state()) && job.request().intoTenant() && leases != null && !ItemLease.restoreHeld(leases, repo, id)) {
                return job.stale("restore job " + id + " has no worker: the one running it stopped (last heard of at " + row.get("heartbeat")
                        + "); the queue delivers the job again, and it resumes where it stopped");
            }
            if (!"done".equals(job.state()) || job.request().intoTenant()) {
                return job;
            }
            Instant ends = row.get("expires") == null ? job.finished() : instant(row.get("expires"));
            return exports.link(job.blob(), ends).map(l -> job.withLink(l.url(), l.expires()))
                    .orElseGet(() -> job.expired("the export of restore job " + id + " expired at " + ends + " and is deleted: exports"
                            + " are kept " + exports.window().toDays() + " days (VAULT_EXPORT_DAYS); submit the restore again"));
        });
    }

    /** Deletes the exports whose window has ended (the hourly sweep); returns how many. */
    public int expireExports() {
        return exports.sweep();
    }

    /** The job id of a {@code restore-jobs} message. @throws InvalidRequestException on any other body */
    public static String jobOf(String message) {
        JsonNode n = StrictJson.object(message, "restore job message", Set.of("job"));
        String id = StrictJson.text(n, "job", "restore job message");
        if (!TimeIds.valid(id)) {
            throw new InvalidRequestException("restore job message has no valid job id");
        }
        return id;
    }

    /**
     * Runs a queued job. A job already finished is left as it is (a redelivered message). An
     * export that cannot be made (nothing at that time, no such item) fails the job with the reason;
     * any other error is rethrown so the queue tries again.
     */
    public RestoreJob run(String id) {
        Map<String, Object> row = new HashMap<>(state.get(SCOPE, id)
                .orElseThrow(() -> new NotFoundException("no restore job " + id)));
        RestoreJob job = job(id, row);
        if ("done".equals(job.state()) || "failed".equals(job.state())) {
            return job;
        }
        if (job.request().intoTenant()) {
            return runInTenant(id, row, job);
        }
        Instant start = clock.instant();
        row.put("state", "running");
        row.put("started", start.toString());
        state.put(new Checkpoint(SCOPE, id, row));
        RestoreRequest r = job.request();
        Path dir = scratch(id);
        try {
            ExportOptions options = ExportOptions.defaults().withWorkloads(r.workloads()).withMailFormat(r.format())
                    .withFilesPath(r.filesPath()).withMailPath(r.mailPath()).withSearch(r.search());
            ExportResult result = new ItemExporter(clock).export(repo, r.item(), r.at(), dir.resolve("export"), options);
            String blobName = id + "/" + safe(r.item().toString()) + "-" + STAMP.format(r.at()) + ".zip";
            ExportStore.Stored stored = exports.upload(blobName, dir.resolve("export"));
            long bytes = stored.bytes();
            row.put("state", "done");
            row.put("blob", blobName);
            row.put("bytes", bytes);
            row.put("expires", stored.expires().toString());
            row.put("files", (long) result.files().size());
            row.put("failures", (long) result.failures().size());
            LOG.info("restore done job={} item={} files={} zipBytes={} failures={} expires={}", id, r.item(), result.files().size(), bytes,
                    result.failures().size(), stored.expires());
        } catch (ExportException e) {
            row.put("state", "failed");
            row.put("error", e.getMessage());
            LOG.warn("restore failed job={} item={}: {}", id, r.item(), e.getMessage());
        } catch (IOException e) {
            row.put("state", "queued");
            row.put("error", "attempt failed: " + e);
            state.put(new Checkpoint(SCOPE, id, row));
            throw new UncheckedIOException("restore job " + id + " could not upload its export", e);
        } finally {
            delete(dir);
        }
        row.put("finished", clock.instant().toString());
        state.put(new Checkpoint(SCOPE, id, row));
        return job(id, row);
    }

    /**
     * A tenant job under its lease: a job whose lease a live worker holds is that worker's (this
     * delivery is a copy, dropped; the worker's own comes back should it die); one found running
     * without a lease lost its worker, and resumes, skipping what that worker wrote (its
     * {@link JobLedger}). A worker that lost the lease meanwhile leaves the row to the one that took it.
     */
    private RestoreJob runInTenant(String id, Map<String, Object> row, RestoreJob job) {
        Optional<ItemLease> held = ItemLease.tryAcquireRestore(leases, repo, id);
        if (held.isEmpty()) {
            LOG.info("restore held job={}: another worker runs it; this delivery is dropped", id);
            return job;
        }
        try (ItemLease lease = held.get()) {
            // Read again under the lease: the worker that held it may have finished meanwhile.
            row.clear();
            row.putAll(state.get(SCOPE, id).orElseThrow());
            if ("done".equals(row.get("state")) || "failed".equals(row.get("state"))) {
                return job(id, row);
            }
            JobLedger ledger = new JobLedger(state, id);
            if ("running".equals(row.get("state"))) {
                row.put("resumed", num(row.get("resumed")) + 1);
                LOG.warn("restore resumed job={} item={} attempt={} alreadyWritten={}: its worker stopped", id, job.request().item(),
                        row.get("resumed"), ledger.size());
            }
            tenant.run(id, row, job.request(), ledger, () -> {
                row.put("heartbeat", clock.instant().toString());
                state.put(new Checkpoint(SCOPE, id, row));
            });
            lease.check();
            row.put("finished", clock.instant().toString());
            state.put(new Checkpoint(SCOPE, id, row));
            ledger.delete();
            return job(id, row);
        }
    }

    /**
     * A job whose message the queue gave up on (the restore-jobs poison handler calls this): it
     * fails with the reason, so it never stays queued or running; a job that finished stays as it is.
     */
    public void poisoned(String id, String reason) {
        state.get(SCOPE, id).ifPresent(found -> {
            Map<String, Object> row = new HashMap<>(found);
            if ("done".equals(row.get("state")) || "failed".equals(row.get("state"))) {
                return;
            }
            row.put("state", "failed");
            row.put("error", "the queue gave up on the job after its retries: " + reason);
            row.put("finished", clock.instant().toString());
            state.put(new Checkpoint(SCOPE, id, row));
            LOG.error("restore poisoned job={}: {}", id, reason);
        });
    }

    private static RestoreJob job(String id, Map<String, Object> row) {
        RestoreRequest request = RestoreRequest.parse((String) row.get("request"), Instant.EPOCH);
        return new RestoreJob(id, (String) row.get("state"), request, instant(row.get("created")), instant(row.get("finished")),
                (String) row.get("error"), (String) row.get("blob"), num(row.get("bytes")), num(row.get("files")),
                num(row.get("failures")), null, null, TenantProgress.of(row));
    }

    private static Instant instant(Object o) {
        return o == null ? null : Instant.parse(o.toString());
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9@._-]", "_");
    }

    private static Path scratch(String id) {
        try {
            return Files.createTempDirectory("restore-" + id);
        } catch (IOException e) {
            throw new UncheckedIOException("no scratch directory for restore job " + id, e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("scratch directory {} not removed: {}", dir, e.toString());
        }
    }
}
