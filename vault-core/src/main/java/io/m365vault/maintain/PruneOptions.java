package io.m365vault.maintain;

import java.time.Duration;

/**
 * How a prune runs: {@code dryRun} decides and reports without changing anything; {@code grace}
 * is how long a chunk stays condemned (and an unnamed pack stays) before a later pass may delete
 * it; a pack whose referenced chunks fill less than {@code repackBelow} of it is repacked.
 */
public record PruneOptions(boolean dryRun, Duration grace, double repackBelow) {
    /** kopia's choice too: a day is far longer than any writer session may trust the index. */
    public static final Duration DEFAULT_GRACE = Duration.ofHours(24);
    public static final double DEFAULT_REPACK_BELOW = 0.5;

    public static PruneOptions defaults() {
        return new PruneOptions(false, DEFAULT_GRACE, DEFAULT_REPACK_BELOW);
    }

    public PruneOptions withDryRun(boolean d) {
        return new PruneOptions(d, grace, repackBelow);
    }

    public PruneOptions withGrace(Duration g) {
        return new PruneOptions(dryRun, g, repackBelow);
    }

    /**
     * Refuses a grace too short for the writers' trust in the index ({@code minimum}, from their
     * commit limits): with it, a backup could commit a row naming a chunk this prune deleted.
     */
    public void check(Duration minimum) {
        if (grace.compareTo(minimum) < 0) {
            throw new IllegalArgumentException("a grace of " + grace + " is shorter than the " + minimum
                    + " a backup may rely on the index for; prune could delete a chunk a running backup is about to name");
        }
        if (!(repackBelow >= 0 && repackBelow <= 1)) {
            throw new IllegalArgumentException("repackBelow must be between 0 and 1, got " + repackBelow);
        }
    }
}
