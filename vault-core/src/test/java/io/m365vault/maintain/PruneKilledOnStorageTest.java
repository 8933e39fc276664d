package io.m365vault.maintain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.repo.ChunkId;
import io.m365vault.repo.ContentRef;
import io.m365vault.repo.FileKek;
import io.m365vault.repo.Repository;
import io.m365vault.repo.StorageAccount;
import io.m365vault.repo.StorageTimeouts;
import io.m365vault.repo.Verifier;
import io.m365vault.repo.VerifyReport;
import io.m365vault.service.StepClock;
import io.m365vault.testkit.AzuriteExtension;
import io.m365vault.testkit.faults.CallKind;
import io.m365vault.testkit.faults.Fault;
import io.m365vault.testkit.faults.FaultPlan;
import io.m365vault.testkit.faults.FaultyStorage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prune killed on real storage (Azurite behind the fault proxies): at the first, middle and last
 * write of each kind (catalog, index, state rows; pack uploads and deletions) of each of its two
 * passes, the process dies just after the write reached storage. The repository left verifies
 * with --read-data and shows the tenant as it was; pruning on ends with the index holding exactly
 * what the catalog references and nothing left over. PruneCrashTest does every write, in memory.
 */
@ExtendWith(AzuriteExtension.class)
class PruneKilledOnStorageTest {
    private static final RetentionPolicy CURRENT_ONLY = RetentionPolicy.parse(
            "{\"keepAllDays\":0,\"daily\":0,\"weekly\":0,\"monthly\":0,\"lastVersions\":0}");
    /** Short, so that calls to a dead worker's storage give up in seconds. */
    private static final StorageTimeouts QUICK = new StorageTimeouts(Duration.ofSeconds(2), Duration.ofMillis(1500), 4,
            Duration.ofMillis(50), Duration.ofMillis(400));
    private static final List<CallKind> WRITES = List.of(CallKind.CATALOG_WRITE, CallKind.INDEX_WRITE, CallKind.STATE_WRITE,
            CallKind.PACK_UPLOAD);

    @TempDir
    Path tmp;

    private record World(Repository repo, History history, StepClock clock) {
    }

    private World world(StorageAccount storage) throws Exception {
        String name = "k" + Long.toHexString(System.nanoTime());
        FileKek kek = FileKek.create(tmp.resolve(name + ".kek"));
        Repository.init(storage, name, kek).close();
        Repository repo = Repository.open(storage, name, kek);
        StepClock clock = new StepClock(Instant.now());
        History history = History.backUpChangeBackUp(repo, clock.instant().minus(Duration.ofDays(5)), 1);
        History.killedAttempt(repo, 6);
        return new World(repo, history, clock);
    }

    private static void pass(World w) {
        new Prune(w.repo, CURRENT_ONLY, w.clock, () -> { }).run(PruneOptions.defaults());
        w.clock.advance(PruneOptions.DEFAULT_GRACE.plusHours(1));
    }

    private static void assertSound(World w, String when) {
        VerifyReport v = new Verifier(w.repo).verify(true);
        assertTrue(v.ok(), when + ": " + v.errors());
        w.history.assertViewAt(w.repo, w.clock.instant());
    }

    private static void assertCollected(World w, String when) {
        Set<ChunkId> indexed = new HashSet<>();
        long[] condemned = {0};
        w.repo.index().forEachRow(r -> {
            indexed.add(r.id());
            condemned[0] += r.location().condemned() ? 1 : 0;
        });
        Set<ChunkId> referenced = new HashSet<>();
        w.repo.catalog().forEachContent((content, metadata) -> {
            referenced.addAll(content.ids());
            if (content.kind() == ContentRef.Kind.LISTED) {
                referenced.addAll(w.repo.reader().chunkIds(content));
            }
        }, bad -> { });
        assertEquals(referenced, indexed, when);
        assertEquals(0, condemned[0], when);
        assertEquals(0, new Verifier(w.repo).verify(false).unindexedChunks(), when);
        assertEquals(0, w.repo.state().list(PackCondemnations.SCOPE).size(), when);
    }

    /**
     * The first, the middle and the last of {@code n} writes; not the last index write, whose
     * number depends on how a fresh repository's keys spread the chunk ids over the partitions.
     */
    private static int[] occurrences(CallKind kind, int n) {
        java.util.TreeSet<Integer> at = new java.util.TreeSet<>();
        if (n > 0) {
            at.add(1);
            at.add((n + 1) / 2);
            if (kind != CallKind.INDEX_WRITE) {
                at.add(n);
            }
        }
        return at.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void killedAtTheFirstMiddleAndLastWriteOfEachKindInEachPass(AzuriteExtension.StorageAccount account) throws Exception {
        FaultPlan plan = new FaultPlan(Duration.ofMillis(2500));
        try (FaultyStorage faulty = FaultyStorage.inFrontOf(account.connectionString(), plan)) {
            StorageAccount storage = StorageAccount.of(faulty.connectionString(), QUICK);
            // The writes of each pass when nothing goes wrong.
            List<Map<CallKind, Integer>> counts = new ArrayList<>();
            World reference = world(storage);
            for (int p = 0; p < 2; p++) {
                plan.disarm();
                pass(reference);
                counts.add(new EnumMap<>(plan.counts()));
            }
            reference.repo.close();
            int cases = 0;
            for (int p = 0; p < 2; p++) {
                for (CallKind kind : WRITES) {
                    int n = counts.get(p).getOrDefault(kind, 0);
                    for (int occurrence : occurrences(kind, n)) {
                        String when = "killed after " + kind + " " + occurrence + " of " + n + " in pass " + (p + 1);
                        plan.disarm();
                        World w = world(storage);
                        for (int before = 0; before < p; before++) {
                            pass(w);
                        }
                        plan.arm(kind, occurrence, 1, Fault.KILL_AFTER);
                        RuntimeException died = null;
                        try {
                            pass(w);
                        } catch (RuntimeException dead) {
                            died = dead; // the worker died; what reached storage stays
                        }
                        assertTrue(plan.killed(), when + ": the fault never fired; calls " + plan.counts() + (died == null ? "" : " (" + died + ")"));
                        plan.disarm();
                        assertSound(w, when);
                        for (int after = 0; after < 3; after++) {
                            pass(w);
                        }
                        assertSound(w, when + ", then pruned on");
                        assertCollected(w, when + ", then pruned on");
                        w.repo.close();
                        cases++;
                    }
                }
            }
            assertTrue(cases >= 5, "only " + cases + " cases: " + counts);
            System.out.println("prune killed on storage: " + cases + " cases, writes per pass " + counts);
        }
    }
}
