package io.m365vault.maintain;

import io.m365vault.repo.ChunkId;
import io.m365vault.repo.IndexChange;
import io.m365vault.repo.IndexRow;
import io.m365vault.repo.PackImmutableException;
import io.m365vault.repo.Repository;
import io.m365vault.repo.StoredPack;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One prune pass: retention, then garbage collection in two phases (restic's prune and kopia's
 * maintenance are the models). Packs and index rows are read first, then the catalog is walked:
 * what the kept versions reference is live. Unreferenced chunks are condemned; a chunk condemned
 * longer than the grace and still unreferenced is deleted; a pack none of whose chunks remain
 * goes with its last rows; a pack no index row has ever named (a killed backup's) is condemned
 * and deleted by a later pass after the grace; a pack mostly dead is repacked.
 *
 * <p>Why it is safe beside running backups: a writer trusts an index answer for at most
 * {@link io.m365vault.repo.WriterSession.CommitLimits#knowledge} and meets a condemned chunk by
 * storing it again, while a chunk is deleted only once it has been condemned for the grace
 * (at least twice that) and a walk begun after the grace still finds no row naming it. Every
 * change to an index or catalog row is conditional on the row being as read, so a writer's
 * rewrite meanwhile wins. A crash anywhere leaves a sound repository: each step's durable
 * effect is one the next pass expects (see the crash tests beside this class).
 */
public final class Prune {
    private static final Logger LOG = LoggerFactory.getLogger(Prune.class);
    /** Index changes go out a thousand at a time while the index streams past. */
    private static final int SWEEP_BATCH = 1000;

    private final Repository repo;
    private final RetentionPolicy policy;
    private final Clock clock;
    private final Runnable guard;

    /** {@code guard} runs before each step that changes the repository and throws to stop the pass (a lost maintenance lease). */
    public Prune(Repository repo, RetentionPolicy policy, Clock clock, Runnable guard) {
        this.repo = repo;
        this.policy = policy;
        this.clock = clock;
        this.guard = guard;
    }

    public PruneReport run(PruneOptions options) {
        options.check(repo.limits().minimumGrace());
        PruneReport r = new PruneReport();
        r.dryRun = options.dryRun();
        repo.packs().immutability().ifPresent(days -> r.warnings.addAll(ImmutabilityCheck.warnings(days, policy, options.grace())));
        r.warnings.forEach(w -> LOG.warn("prune warning: {}", w));
        List<StoredPack> stored = repo.packs().stored();
        PackCondemnations packRecords = new PackCondemnations(repo.state());
        Map<String, Instant> packCondemned = packRecords.read();

        guard.run();
        Instant walkStart = clock.instant();
        LiveChunks live = new LiveChunks(repo.reader(), r.problems);
        CatalogRetention.Result kept = new CatalogRetention(repo.catalog(), policy, walkStart, options.dryRun()).run(v -> {
            live.add(v.content());
            live.add(v.metadataRef());
            if (v.current()) {
                live.countProtected(v.content().size());
            }
        }, r.problems::add);
        r.versions = kept.versions();
        r.versionsExpired = kept.expired();
        r.versionsDropped = kept.dropped();
        r.liveChunks = live.size();
        r.protectedBytes = live.protectedBytes();
        LOG.info("prune walked catalog versions={} expired={} dropped={} liveChunks={} packs={} problems={}",
                r.versions, r.versionsExpired, r.versionsDropped, r.liveChunks, stored.size(), r.problems.size());
        if (!r.problems.isEmpty()) {
            // What an unreadable row or list names is unknown: collecting now could delete it.
            r.problems.forEach(p -> LOG.warn("prune collects nothing: {}", p));
            figures(r, stored, Set.of());
            return r;
        }
        Instant deleteBefore = walkStart.minus(options.grace());
        PackTally tally = sweep(r, options, live, deleteBefore);
        Set<String> gone = packs(r, options, stored, tally, packCondemned, packRecords, deleteBefore);
        figures(r, stored, gone);
        LOG.info("prune done {}", r);
        return r;
    }

    /**
     * Streams the index once: each row's change is decided as it comes (the live set is complete
     * by now) and applied a batch at a time, and only a tally per pack is kept, not the rows.
     */
    private PackTally sweep(PruneReport r, PruneOptions options, LiveChunks live, Instant deleteBefore) {
        PackTally tally = new PackTally();
        List<IndexChange> batch = new ArrayList<>();
        Instant now = clock.instant();
        repo.index().forEachRow(row -> {
            IndexChange c = IndexSweep.change(row, live, now, deleteBefore);
            if (c == null) {
                tally.stays(row.packId(), live.contains(row.id()), row.location().entry().length());
                return;
            }
            batch.add(c);
            if (batch.size() >= SWEEP_BATCH) {
                apply(r, options, batch, tally);
                batch.clear();
            }
        });
        apply(r, options, batch, tally);
        LOG.info("prune swept index condemned={} revived={} deleted={} skipped={}", r.chunksCondemned, r.chunksRevived,
                r.chunksDeleted, r.chunksSkipped);
        return tally;
    }

    /** Makes the changes (in a dry run, counts them as made); a row changed or left in doubt keeps its pack waiting. */
    private void apply(PruneReport r, PruneOptions options, List<IndexChange> changes, PackTally tally) {
        if (changes.isEmpty()) {
            return;
        }
        guard.run();
        List<IndexChange> made = options.dryRun() ? changes : repo.index().apply(List.copyOf(changes));
        Set<IndexChange> done = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        done.addAll(made);
        r.chunksSkipped += changes.size() - made.size();
        for (IndexChange c : changes) {
            if (done.contains(c)) {
                switch (c.kind()) {
                    case CONDEMN -> r.chunksCondemned++;
                    case REVIVE -> r.chunksRevived++;
                    case DELETE -> r.chunksDeleted++;
                    case MOVE -> throw new IllegalStateException("a sweep does not move rows");
                }
            }
            if (done.contains(c) && c.kind() == IndexChange.Kind.DELETE) {
                tally.deleted(c.row().packId());
            } else {
                // Changed by this pass, so no longer as read (a repack could not move it now), or
                // rewritten by a writer meanwhile: either way its pack waits for a later pass.
                tally.stays(c.row().packId(), false, 0);
            }
        }
    }

    /** Deletes, condemns, forgets and repacks packs; returns the ids of the packs deleted (or, in a dry run, that would be). */
    private Set<String> packs(PruneReport r, PruneOptions options, List<StoredPack> stored, PackTally tally,
                              Map<String, Instant> packCondemned, PackCondemnations packRecords, Instant deleteBefore) {
        Set<String> gone = new HashSet<>();
        List<String> toCondemn = new ArrayList<>();
        List<StoredPack> toRepack = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (StoredPack p : stored) {
            present.add(p.id());
            boolean old = p.lastModified() == null || !p.lastModified().isAfter(deleteBefore);
            Instant condemnedAt = packCondemned.get(p.id());
            if (!tally.remaining(p.id())) {
                if (tally.named(p.id()) && old) {
                    gone.add(p.id()); // its last chunks were deleted just now
                } else if (condemnedAt != null && !condemnedAt.isAfter(deleteBefore) && old) {
                    gone.add(p.id()); // unnamed through a whole grace: a killed attempt's
                } else if (condemnedAt == null) {
                    toCondemn.add(p.id());
                }
            } else {
                if (condemnedAt != null && !options.dryRun()) {
                    packRecords.forget(p.id()); // named after all: a backup was finishing it
                }
                double used = (double) tally.referencedBytes(p.id()) / Math.max(1, p.size());
                if (!tally.pending(p.id()) && used < options.repackBelow()) {
                    toRepack.add(p);
                }
            }
        }
        r.packsCondemned = toCondemn.size();
        if (options.dryRun()) {
            stored.stream().filter(p -> gone.contains(p.id())).forEach(p -> counted(r, p));
            r.packsRepacked = toRepack.size();
            toRepack.forEach(p -> {
                counted(r, p);
                gone.add(p.id());
            });
            return gone;
        }
        guard.run();
        packRecords.condemn(toCondemn, clock.instant());
        for (StoredPack p : stored) {
            if (!gone.contains(p.id())) {
                continue;
            }
            if (!deleted(r, p)) {
                gone.remove(p.id()); // immutable still: its record stays, a later pass tries again
            } else if (packCondemned.containsKey(p.id())) {
                packRecords.forget(p.id());
            }
        }
        // A record of a pack deleted by a pass that crashed before forgetting it.
        packCondemned.keySet().stream().filter(id -> !present.contains(id)).forEach(packRecords::forget);
        repack(r, toRepack, gone);
        return gone;
    }

    /**
     * New packs first, then the rows moved to them, then the old packs deleted: a crash between
     * leaves only unnamed packs. The rows of the packs to repack are read again (a second
     * streaming read of the index, keeping only theirs), as the sweep kept none.
     */
    private void repack(PruneReport r, List<StoredPack> toRepack, Set<String> gone) {
        if (toRepack.isEmpty()) {
            return;
        }
        Map<String, List<IndexRow>> rows = new HashMap<>();
        toRepack.forEach(p -> rows.put(p.id(), new ArrayList<>()));
        repo.index().forEachRow(row -> {
            List<IndexRow> of = rows.get(row.packId());
            if (of != null) {
                of.add(row);
            }
        });
        Repacker repacker = new Repacker(repo.packs(), repo.keys(), repo.config().packSize());
        for (StoredPack p : toRepack) {
            repacker.copy(p.id(), rows.get(p.id()));
        }
        List<IndexChange> moves = repacker.finish();
        guard.run();
        List<IndexChange> moved = repo.index().apply(moves);
        r.chunksSkipped += moves.size() - moved.size();
        r.packsWritten = repacker.packsWritten();
        r.bytesWritten = repacker.bytesWritten();
        Set<ChunkId> movedIds = new HashSet<>();
        moved.forEach(m -> movedIds.add(m.row().id()));
        for (StoredPack p : toRepack) {
            if (!rows.get(p.id()).stream().allMatch(row -> movedIds.contains(row.id()))) {
                // A row rewritten meanwhile still names this pack, or names one it was copied from:
                // the pack stays, and a later pass finds it unnamed or repacks it again.
                continue;
            }
            r.packsRepacked++;
            if (deleted(r, p)) {
                gone.add(p.id());
            }
        }
        LOG.info("prune repacked packs={} into={} bytesWritten={}", r.packsRepacked, r.packsWritten, r.bytesWritten);
    }

    /** Deletes the pack and counts it; false when immutability still protects it (it is left, and named in the report). */
    private boolean deleted(PruneReport r, StoredPack p) {
        try {
            repo.packs().delete(p.id());
        } catch (PackImmutableException e) {
            r.packsImmutable++;
            r.bytesImmutable += p.size();
            LOG.info("prune left pack={} reason={}", p.id(), e.getMessage());
            return false;
        }
        counted(r, p);
        return true;
    }

    private static void counted(PruneReport r, StoredPack p) {
        r.packsDeleted++;
        r.bytesDeleted += p.size();
    }

    private static void figures(PruneReport r, List<StoredPack> stored, Set<String> gone) {
        r.packsAfter = r.packsWritten;
        r.storedBytesAfter = r.bytesWritten;
        for (StoredPack p : stored) {
            if (!gone.contains(p.id())) {
                r.packsAfter++;
                r.storedBytesAfter += p.size();
            }
        }
    }
}
