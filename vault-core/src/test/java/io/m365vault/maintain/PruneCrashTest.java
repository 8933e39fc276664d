package io.m365vault.maintain;

import io.m365vault.service.StepClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.repo.ChunkerParams;
import io.m365vault.repo.IndexChange;
import io.m365vault.repo.Repository;
import io.m365vault.repo.StoredPack;
import io.m365vault.repo.Verifier;
import io.m365vault.repo.VerifyReport;
import io.m365vault.repo.WriterSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Prune killed at each of its writes in turn (every row, pack and deletion of three passes a
 * grace apart, each batch split row by row): the repository left is sound (verify --read-data
 * clean, the current point in time as the tenant was), and pruning on ends where a pass that
 * was never killed ends.
 */
class PruneCrashTest {
    private static final RetentionPolicy CURRENT_ONLY = RetentionPolicy.parse(
            "{\"keepAllDays\":0,\"daily\":0,\"weekly\":0,\"monthly\":0,\"lastVersions\":0}");

    private record World(Repository repo, Crashes crashes, History history, StepClock clock) {
    }

    /**
     * What a repository ends as, counted so that two repositories compare although their keys,
     * and so their chunk boundaries, differ: whether the index holds exactly what the catalog
     * references, and what is left over.
     */
    private record Figures(boolean indexIsReferenced, long condemnedRows, int packs, int packRecords, long unindexed) {
    }

    /**
     * Two backups (a changed, b deleted, c kept, big added, listed) and a killed attempt's pack
     * that no row names: every kind of step a prune takes has something to do here.
     */
    private static World world() {
        Crashes crashes = new Crashes();
        Repository repo = Repository.inMemory(WriterSession.CommitLimits.DEFAULT, crashes::packs, crashes::index, crashes::catalog,
                crashes::state);
        StepClock clock = new StepClock(Instant.now());
        History history = History.backUpChangeBackUp(repo, clock.instant().minus(Duration.ofDays(5)), 1);
        History.killedAttempt(repo, 6);
        return new World(repo, crashes, history, clock);
    }

    /** Three passes, each a grace and an hour after the one before. */
    private static void pruneToTheEnd(World w) {
        for (int i = 0; i < 3; i++) {
            new Prune(w.repo, CURRENT_ONLY, w.clock, () -> { }).run(PruneOptions.defaults());
            w.clock.advance(PruneOptions.DEFAULT_GRACE.plusHours(1));
        }
    }

    private static Figures figures(World w) {
        java.util.Set<io.m365vault.repo.ChunkId> indexed = new java.util.HashSet<>();
        long[] condemned = {0};
        w.repo.index().forEachRow(r -> {
            indexed.add(r.id());
            condemned[0] += r.location().condemned() ? 1 : 0;
        });
        java.util.Set<io.m365vault.repo.ChunkId> referenced = new java.util.HashSet<>();
        w.repo.catalog().forEachContent((content, metadata) -> {
            referenced.addAll(content.ids());
            if (content.kind() == io.m365vault.repo.ContentRef.Kind.LISTED) {
                referenced.addAll(w.repo.reader().chunkIds(content));
            }
        }, bad -> { });
        return new Figures(indexed.equals(referenced), condemned[0], w.repo.packs().stored().size(),
                w.repo.state().list(PackCondemnations.SCOPE).size(), new Verifier(w.repo).verify(false).unindexedChunks());
    }

    private static void assertSound(World w, String when) {
        VerifyReport v = new Verifier(w.repo).verify(true);
        assertTrue(v.ok(), when + ": " + v.errors());
        w.history.assertViewAt(w.repo, w.clock.instant());
    }

    @Test
    void aCrashAtEachWriteLeavesASoundRepositoryThatTheNextPruneFinishes() {
        World reference = world();
        pruneToTheEnd(reference);
        Figures expected = figures(reference);
        assertEquals(new Figures(true, 0, 2, 0, 0), expected, "all garbage collected: the second backup's pack and c's repacked");
        reference.repo.close();

        long k = 1;
        for (; ; k++) {
            World w = world();
            w.crashes.arm(k);
            try {
                pruneToTheEnd(w);
            } catch (Crashes.Crash expectedCrash) {
                // the process died here
            }
            boolean crashed = w.crashes.crashed();
            w.crashes.disarm();
            if (!crashed) {
                w.repo.close();
                break; // k is past the last write of the three passes
            }
            assertSound(w, "after a crash at write " + k);
            pruneToTheEnd(w);
            assertSound(w, "after pruning on from a crash at write " + k);
            assertEquals(expected, figures(w), "after pruning on from a crash at write " + k);
            w.repo.close();
        }
        assertTrue(k > 20, "three passes write more than " + k + " times: the test saw too few of them");
    }
}
