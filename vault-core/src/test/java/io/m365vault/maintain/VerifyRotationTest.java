package io.m365vault.maintain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.repo.ChunkerParams;
import io.m365vault.repo.MemoryStateStore;
import io.m365vault.repo.Repository;
import io.m365vault.repo.Verifier;
import io.m365vault.repo.VerifyReport;
import io.m365vault.repo.WriterSession;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The scheduled verify's sample: every pack decrypted once a period, days missed caught up, and only the sample read. */
class VerifyRotationTest {
    private static List<String> packIds(int n) {
        Random r = new Random(1);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(String.format("%016x%016x", r.nextLong(), r.nextLong()));
        }
        return out;
    }

    @Test
    void dailyRunsReadEveryPackExactlyOnceAPeriod() {
        VerifyRotation rotation = new VerifyRotation(new MemoryStateStore(), 7);
        List<String> packs = packIds(500);
        Map<String, Integer> reads = new HashMap<>();
        Instant day = Instant.parse("2026-05-01T03:00:00Z");
        for (int d = 0; d < 7; d++, day = day.plus(Duration.ofDays(1))) {
            Predicate<String> due = rotation.due(day);
            packs.stream().filter(due).forEach(p -> reads.merge(p, 1, Integer::sum));
            rotation.done(day);
        }
        assertEquals(packs.size(), reads.size(), "every pack read within the period");
        assertTrue(reads.values().stream().allMatch(n -> n == 1), "and once: " + reads.values());
    }

    @Test
    void missedDaysAreCaughtUpAndAGapOfAPeriodReadsEverything() {
        VerifyRotation rotation = new VerifyRotation(new MemoryStateStore(), 10);
        List<String> packs = packIds(1000);
        Instant first = Instant.parse("2026-05-01T03:00:00Z");
        long today = packs.stream().filter(rotation.due(first)).count();
        assertTrue(today > 50 && today < 150, "a first run reads one slice of ten: " + today);
        rotation.done(first);
        Instant later = first.plus(Duration.ofDays(3));
        long three = packs.stream().filter(rotation.due(later)).count();
        assertTrue(three > 200 && three < 400, "three days' slices: " + three);
        rotation.done(later);
        assertEquals(packs.size(), packs.stream().filter(rotation.due(later.plus(Duration.ofDays(12)))).count());
    }

    @Test
    void theVerifierDecryptsOnlyTheSampledPacksButChecksEveryHeader() {
        try (Repository repo = Repository.inMemory()) {
            for (int i = 0; i < 4; i++) {
                try (WriterSession s = repo.newSession()) {
                    s.store(History.content(i, 200_000), ChunkerParams.SMALL);
                    s.commit();
                }
            }
            String chosen = repo.packs().list().get(0);
            long chunksInChosen = repo.packReader().entries(chosen).size();
            VerifyReport r = new Verifier(repo).verify(p -> p.equals(chosen));
            assertTrue(r.ok(), r.errors().toString());
            assertEquals(4, r.packs());
            assertEquals(chunksInChosen, r.chunksRead());
        }
    }
}
