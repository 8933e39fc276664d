package io.m365vault.graphsim.model;

import java.time.Instant;

/**
 * The tenant's own time. Generated items date from before {@link #NOW}; each change is one
 * second after it by change number, so a seed and a sequence of mutations give the same dates.
 */
public final class SimClock {
    public static final Instant NOW = Instant.parse("2025-06-02T09:00:00Z");

    private SimClock() {
    }

    public static Instant atChange(long seq) {
        return NOW.plusSeconds(seq);
    }

    public static Instant minutesAgo(long minutes) {
        return NOW.minusSeconds(minutes * 60);
    }

    public static String iso(Instant t) {
        return t.toString();
    }
}
