package io.m365vault.maintain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * What one workload keeps of each item's versions. A version is kept when any rule keeps it
 * (as restic combines its keep options): it is current; it was current within the last
 * {@code keepAllDays}; it is among the item's newest {@code lastVersions}; or it was current at one
 * of the retained points in time (00:00 UTC of each of the last {@code daily} days, of the
 * last {@code weekly} Mondays, of the first day of the last {@code monthly} months). Whole
 * points in time are kept, not single versions, so every retained point shows the tenant as it
 * was then. An item deleted more than {@code deletedDays} ago (when set) loses every version.
 */
public record RetentionRule(int keepAllDays, int daily, int weekly, int monthly, int lastVersions, Integer deletedDays) {
    /**
     * A version closed this recently is kept whatever the rule: a backup may be writing a new
     * version that reuses its content reference (an item moved or re-tagged), and that content
     * must stay referenced until the new row is committed.
     */
    public static final Duration ALWAYS_KEPT = Duration.ofDays(1);

    /** The defaults: every version for 14 days, then daily points for a month, weekly for a quarter, monthly for a year. */
    public static final RetentionRule DEFAULT = new RetentionRule(14, 31, 13, 12, 0, null);

    /** The retained points in time at {@code now}, newest first (duplicates where a Monday is also a 1st). */
    public List<Instant> points(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<Instant> points = new ArrayList<>();
        for (int i = 0; i < daily; i++) {
            points.add(midnight(today.minusDays(i)));
        }
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (int i = 0; i < weekly; i++) {
            points.add(midnight(monday.minusWeeks(i)));
        }
        LocalDate first = today.withDayOfMonth(1);
        for (int i = 0; i < monthly; i++) {
            points.add(midnight(first.minusMonths(i)));
        }
        return points;
    }

    private static Instant midnight(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
