package io.m365vault.maintain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.m365vault.repo.ContentRef;
import io.m365vault.repo.StoredVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which versions of one item a rule drops: whole points in time kept, the current version never dropped. */
class ItemRetentionTest {
    private static final Instant NOW = Instant.parse("2026-06-17T15:00:00Z"); // a Wednesday

    /** Versions beginning at each of {@code starts} (oldest first), each ending where the next begins; the last open unless {@code deletedAt}. */
    private static List<StoredVersion> versions(Instant deletedAt, String... starts) {
        List<StoredVersion> out = new ArrayList<>();
        for (int i = starts.length - 1; i >= 0; i--) {
            Instant to = i == starts.length - 1 ? deletedAt : Instant.parse(starts[i + 1]);
            out.add(new StoredVersion("p", "item", Instant.parse(starts[i]), to, "message", ContentRef.EMPTY, null, i));
        }
        return out;
    }

    private static List<Object> dropped(RetentionRule rule, List<StoredVersion> versions) {
        return ItemRetention.expired(rule, versions, NOW, rule.points(NOW)).stream().map(StoredVersion::tag).toList();
    }

    @Test
    void pointsAreMidnightsOfDaysMondaysAndFirstsOfMonths() {
        List<Instant> points = new RetentionRule(0, 2, 2, 2, 0, null).points(NOW);
        assertEquals(List.of(Instant.parse("2026-06-17T00:00:00Z"), Instant.parse("2026-06-16T00:00:00Z"),
                Instant.parse("2026-06-15T00:00:00Z"), Instant.parse("2026-06-08T00:00:00Z"),
                Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-05-01T00:00:00Z")), points);
    }

    @Test
    void keepsEveryVersionCurrentAtARetainedPointAndDropsTheRest() {
        // Versions 0..4; daily for 2 days keeps what was current at 06-17 00:00 (v3) and 06-16 00:00 (v2).
        List<StoredVersion> v = versions(null, "2026-06-10T08:00:00Z", "2026-06-15T09:00:00Z", "2026-06-15T18:00:00Z",
                "2026-06-16T12:00:00Z", "2026-06-17T14:30:00Z");
        assertEquals(List.of(1, 0), dropped(new RetentionRule(0, 2, 0, 0, 0, null), v));
        // A weekly point on Monday 06-15 00:00 keeps v0 as well (current then).
        assertEquals(List.of(1), dropped(new RetentionRule(0, 2, 1, 0, 0, null), v));
    }

    @Test
    void keepAllDaysKeepsWhatWasCurrentInTheWindowAndLastVersionsTheNewest() {
        List<StoredVersion> v = versions(null, "2026-05-01T00:00:00Z", "2026-06-01T00:00:00Z", "2026-06-10T00:00:00Z",
                "2026-06-12T00:00:00Z");
        // Current within the last 7 days (since 06-10 15:00): v2 (to 06-12) and v3 (current). v1 ended 06-10 00:00.
        assertEquals(List.of(1, 0), dropped(new RetentionRule(7, 0, 0, 0, 0, null), v));
        assertEquals(List.of(0), dropped(new RetentionRule(0, 0, 0, 0, 3, null), v));
        assertEquals(List.of(2, 1, 0), dropped(new RetentionRule(0, 0, 0, 0, 0, null), v), "the current version always stays");
    }

    @Test
    void aVersionClosedWithinADayStaysWhateverTheRule() {
        List<StoredVersion> v = versions(null, "2026-06-01T00:00:00Z", "2026-06-17T01:00:00Z");
        assertEquals(List.of(), dropped(new RetentionRule(0, 0, 0, 0, 0, null), v));
        List<StoredVersion> deleted = versions(NOW.minus(Duration.ofHours(23)), "2026-06-01T00:00:00Z");
        assertEquals(List.of(), dropped(new RetentionRule(0, 0, 0, 0, 0, 1), deleted));
    }

    @Test
    void anItemDeletedLongerAgoThanDeletedDaysLosesEveryVersionEvenAtRetainedPoints() {
        List<StoredVersion> v = versions(Instant.parse("2026-06-05T00:00:00Z"), "2026-05-20T00:00:00Z", "2026-06-02T00:00:00Z");
        RetentionRule monthly = new RetentionRule(0, 0, 0, 2, 0, null);
        assertEquals(List.of(1), dropped(monthly, v), "06-01 00:00 keeps v0; v1 (06-02 to 06-05) was current at no point");
        assertEquals(List.of(1, 0), dropped(new RetentionRule(0, 0, 0, 2, 0, 10), v), "deleted 12 days ago, kept 10: all go");
        assertEquals(List.of(1), dropped(new RetentionRule(0, 0, 0, 2, 0, 30), v), "deleted 12 days ago, kept 30: the points decide");
    }
}
