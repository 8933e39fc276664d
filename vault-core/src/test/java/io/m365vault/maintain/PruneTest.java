package io.m365vault.maintain;

import io.m365vault.service.StepClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.repo.ChunkLocation;
import io.m365vault.repo.ChunkerParams;
import io.m365vault.repo.ContentRef;
import io.m365vault.repo.IndexChange;
import io.m365vault.repo.IndexRow;
import io.m365vault.repo.Repository;
import io.m365vault.repo.StoredPack;
import io.m365vault.repo.Verifier;
import io.m365vault.repo.VerifyReport;
import io.m365vault.repo.WriterSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Prune on an in-memory repository: retention, the two phases, repacking, killed attempts, condemned chunks met again. */
class PruneTest {
    private static final Duration DAY = Duration.ofDays(1);
    /** Only current versions: everything else expires as soon as it is a day old. */
    private static final RetentionPolicy CURRENT_ONLY = RetentionPolicy.parse(
            "{\"keepAllDays\":0,\"daily\":0,\"weekly\":0,\"monthly\":0,\"lastVersions\":0}");

    private final Repository repo = Repository.inMemory();
    private final StepClock clock = new StepClock(Instant.now());
    private History history = new History();

    @AfterEach
    void close() {
        repo.close();
    }

    private PruneReport prune(RetentionPolicy policy) {
        return new Prune(repo, policy, clock, () -> { }).run(PruneOptions.defaults());
    }

    private long storedBytes() {
        return repo.packs().stored().stream().mapToLong(StoredPack::size).sum();
    }

    private void assertSound() {
        VerifyReport v = new Verifier(repo).verify(true);
        assertTrue(v.ok(), v.errors().toString());
    }

    private void backUpChangeBackUp() {
        history = History.backUpChangeBackUp(repo, clock.instant().minus(Duration.ofDays(5)), 2);
    }

    @Test
    void backUpChangeBackUpPruneTwiceFreesStorageAndKeepsEveryRetainedPoint() {
        backUpChangeBackUp();
        long before = storedBytes();
        assertSound();

        PruneReport first = prune(CURRENT_ONLY);
        assertEquals(2, first.versionsDropped(), "a's first version and deleted b: " + first);
        assertTrue(first.chunksCondemned() > 0, first.toString());
        assertEquals(0, first.chunksDeleted(), "nothing is deleted before the grace: " + first);
        assertEquals(before, storedBytes(), "the first pass only condemns");
        history.assertViewAt(repo, clock.instant());

        clock.advance(DAY.plusHours(1));
        PruneReport second = prune(CURRENT_ONLY);
        assertEquals(first.chunksCondemned(), second.chunksDeleted(), second.toString());
        assertEquals(1, second.packsRepacked(), "the first backup's pack keeps 0.1 of 4.1 MB: " + second);
        assertTrue(storedBytes() < before - (3 << 20), before + " -> " + storedBytes());
        assertEquals(storedBytes(), second.storedBytesAfter());
        assertEquals(before - storedBytes(), second.bytesFreed());
        assertEquals((2 << 20) + 100_000 + (3 << 20), second.protectedBytes());
        assertSound();
        assertEquals(0, new Verifier(repo).verify(false).unindexedChunks(), "a repacked pack holds only what is indexed");
        history.assertViewAt(repo, clock.instant());

        PruneReport third = prune(CURRENT_ONLY);
        assertEquals(0, third.chunksCondemned() + third.chunksDeleted() + third.packsDeleted() + third.versionsDropped(), third.toString());
    }

    @Test
    void everyRetainedPointInTimeStaysAsTheTenantWasThen() {
        // Daily backups over 10 days, one item changing every day, another every third day, one deleted on day 6.
        Instant start = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.DAYS).minus(Duration.ofDays(10)).plusSeconds(3600 * 5);
        for (int d = 0; d < 10; d++) {
            Map<String, byte[]> state = new java.util.HashMap<>();
            state.put("daily", History.content(100 + d, 300_000));
            state.put("third", History.content(200 + d / 3, 300_000));
            if (d < 6) {
                state.put("gone", History.content(300, 200_000));
            }
            history.backUp(repo, start.plus(Duration.ofDays(d)), state);
        }
        RetentionPolicy policy = RetentionPolicy.parse("{\"keepAllDays\":2,\"daily\":4,\"weekly\":0,\"monthly\":0}");
        long before = storedBytes();
        prune(policy);
        clock.advance(DAY.plusHours(1));
        PruneReport second = prune(policy);
        assertTrue(second.chunksDeleted() > 0 && storedBytes() < before, second.toString());
        assertSound();
        for (Instant p : policy.rule(null).points(clock.instant())) {
            history.assertViewAt(repo, p);
        }
        history.assertViewAt(repo, clock.instant());
        history.assertViewAt(repo, clock.instant().minus(Duration.ofDays(2)));
    }

    @Test
    void aKilledAttemptsPacksGoAfterTheGraceAndNotBefore() {
        backUpChangeBackUp();
        // Killed after its pack and index rows: chunks nothing names.
        try (WriterSession s = repo.newSession()) {
            s.store(History.content(50, 1 << 20), ChunkerParams.SMALL);
            s.commit();
        }
        // Killed between pack upload and index rows: a pack nothing names.
        String unnamed = History.killedAttempt(repo, 51);
        assertEquals(before(unnamed), 0);

        PruneReport first = prune(RetentionPolicy.DEFAULT);
        assertEquals(0, first.versionsDropped());
        assertEquals(1, first.packsCondemned(), first.toString());
        assertTrue(repo.packs().list().contains(unnamed), "an unnamed pack may be one a backup is finishing: it waits");
        clock.advance(DAY.plusHours(1));
        PruneReport second = prune(RetentionPolicy.DEFAULT);
        assertTrue(!repo.packs().list().contains(unnamed), second.toString());
        assertEquals(2, second.packsDeleted(), "the unnamed pack, and the pack whose chunks nothing referenced: " + second);
        assertSound();
        assertEquals(0, new Verifier(repo).verify(false).unindexedChunks());
        history.assertViewAt(repo, clock.instant());
    }

    private long before(String pack) {
        long[] n = {0};
        repo.index().forEach(l -> n[0] += l.packId().equals(pack) ? 1 : 0);
        return n[0];
    }

    @Test
    void aBackupMeetingACondemnedChunkStoresItAgainAndPruneThenKeepsIt() {
        byte[] data = History.content(9, 500_000);
        try (WriterSession s = repo.newSession()) {
            s.store(data, ChunkerParams.SMALL);
            s.commit();
        }
        prune(RetentionPolicy.DEFAULT); // condemns the unreferenced chunks
        List<IndexRow> rows = new ArrayList<>();
        repo.index().forEachRow(rows::add);
        assertTrue(!rows.isEmpty() && rows.stream().allMatch(r -> r.location().condemned()), rows.toString());
        String oldPack = rows.get(0).packId();

        ContentRef ref;
        try (WriterSession s = repo.newSession()) {
            ref = s.store(data, ChunkerParams.SMALL);
            assertEquals(rows.size(), ref.ids().size());
            s.record(new io.m365vault.repo.CatalogEntry(History.PARTITION, "x", clock.instant(), null, "message", "inbox",
                    ref.size(), ref, new byte[] {'{', '}'}));
            s.commit();
        }
        List<ChunkLocation> now = new ArrayList<>(repo.index().find(ref.ids()).values());
        assertTrue(now.stream().noneMatch(ChunkLocation::condemned) && now.stream().noneMatch(l -> l.packId().equals(oldPack)),
                "stored again, live, in a new pack: " + now);
        clock.advance(DAY.plusHours(1));
        PruneReport r = prune(RetentionPolicy.DEFAULT);
        assertEquals(0, r.chunksDeleted(), r.toString());
        assertEquals(1, r.packsCondemned(), "the old copy's pack: no row names it any more: " + r);
        assertTrue(repo.packs().list().contains(oldPack));
        clock.advance(DAY.plusHours(1));
        prune(RetentionPolicy.DEFAULT);
        assertTrue(!repo.packs().list().contains(oldPack), "unnamed through a whole grace: deleted");
        assertEquals(java.util.Arrays.hashCode(data), java.util.Arrays.hashCode(repo.reader().readAll(ref)));
        assertSound();
    }

    @Test
    void aDryRunReportsAndChangesNothing() {
        backUpChangeBackUp();
        prune(CURRENT_ONLY);
        clock.advance(DAY.plusHours(1));
        long bytes = storedBytes();
        List<IndexRow> rows = new ArrayList<>();
        repo.index().forEachRow(rows::add);
        PruneReport dry = new Prune(repo, CURRENT_ONLY, clock, () -> { }).run(PruneOptions.defaults().withDryRun(true));
        assertTrue(dry.chunksDeleted() > 0 && dry.packsDeleted() > 0 && dry.bytesFreed() > 0, dry.toString());
        assertEquals(bytes, storedBytes());
        List<IndexRow> after = new ArrayList<>();
        repo.index().forEachRow(after::add);
        assertEquals(rows, after);
        PruneReport real = prune(CURRENT_ONLY);
        assertEquals(dry.chunksDeleted(), real.chunksDeleted());
        assertEquals(dry.bytesDeleted, real.bytesDeleted);
    }

    @Test
    void packsImmutabilityStillProtectsAreLeftAndReportedAndRetentionShorterThanItIsAWarning() {
        java.util.Set<String> immutable = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try (Repository worm = Repository.inMemory(WriterSession.CommitLimits.DEFAULT, p -> new ImmutablePacks(p, immutable), i -> i,
                c -> c, s -> s)) {
            history = History.backUpChangeBackUp(worm, clock.instant().minus(Duration.ofDays(5)), 2);
            immutable.addAll(worm.packs().list());
            PruneReport first = new Prune(worm, CURRENT_ONLY, clock, () -> { }).run(PruneOptions.defaults());
            assertTrue(first.warnings().size() == 1 && first.warnings().get(0).startsWith("packs are immutable for 30 days, longer than")
                    && first.warnings().get(0).contains("mail (1 days)"), first.warnings().toString());
            clock.advance(DAY.plusHours(1));
            PruneReport second = new Prune(worm, CURRENT_ONLY, clock, () -> { }).run(PruneOptions.defaults());
            assertEquals(1, second.packsRepacked(), second.toString());
            assertEquals(1, second.packsImmutable(), "the repacked pack is left: " + second);
            assertEquals(0, second.packsDeleted());
            assertEquals(-second.bytesWritten, second.bytesFreed(), "nothing freed, a pack written");
            VerifyReport v = new Verifier(worm).verify(true);
            assertTrue(v.ok(), v.errors().toString());
            history.assertViewAt(worm, clock.instant());

            immutable.clear(); // the policy ran out
            clock.advance(DAY.plusHours(1));
            new Prune(worm, CURRENT_ONLY, clock, () -> { }).run(PruneOptions.defaults()); // condemns the unnamed pack
            clock.advance(DAY.plusHours(1));
            PruneReport last = new Prune(worm, CURRENT_ONLY, clock, () -> { }).run(PruneOptions.defaults());
            assertEquals(1, last.packsDeleted(), last.toString());
            assertEquals(0, new Verifier(worm).verify(false).unindexedChunks());
        }
    }

    /** Packs under a 30-day version-level immutability policy while their id is in {@code immutable}. */
    private static final class ImmutablePacks extends io.m365vault.repo.ForwardingPackStore {
        private final java.util.Set<String> immutable;

        ImmutablePacks(io.m365vault.repo.PackStore packs, java.util.Set<String> immutable) {
            super(packs);
            this.immutable = immutable;
        }

        @Override
        public void delete(String packId) {
            if (immutable.contains(packId)) {
                throw new io.m365vault.repo.PackImmutableException(packId, Instant.now().plus(Duration.ofDays(30)));
            }
            super.delete(packId);
        }

        @Override
        public java.util.Optional<Duration> immutability() {
            return java.util.Optional.of(Duration.ofDays(30));
        }
    }

    @Test
    void aGraceShorterThanTheWritersTrustIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Prune(repo, RetentionPolicy.DEFAULT, clock, () -> { }).run(PruneOptions.defaults().withGrace(Duration.ofHours(11))));
        assertTrue(e.getMessage().contains("shorter than the PT12H"), e.getMessage());
    }
}
