package io.m365vault.graph;

/**
 * At most {@code limit} requests in any interval of one window, counted in buckets of
 * window/{@value #BUCKETS}. A request counts until the end of its bucket plus a window: never
 * early (the server's window may start a little later than ours), late by at most one bucket.
 * Bucket counts rather than one timestamp per request keep a key's state small.
 */
final class RequestBudget {
    static final int BUCKETS = 50;
    private final int limit;
    private final long bucketNanos;
    private final long[] counts = new long[BUCKETS + 1];
    private final long[] indexes = new long[BUCKETS + 1];

    RequestBudget(int limit, long windowNanos) {
        this.limit = limit;
        this.bucketNanos = Math.max(1, (windowNanos + BUCKETS - 1) / BUCKETS);
    }

    /** Takes one request at {@code now}; returns 0 when taken, else the nanos to wait before asking again. */
    synchronized long tryTake(long now) {
        if (limit == 0) {
            return 0;
        }
        long current = Math.floorDiv(now, bucketNanos);
        long live = 0;
        long oldest = Long.MAX_VALUE;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && indexes[i] < current - BUCKETS) {
                counts[i] = 0;
            }
            if (counts[i] > 0) {
                live += counts[i];
                oldest = Math.min(oldest, indexes[i]);
            }
        }
        if (live < limit) {
            int slot = (int) Math.floorMod(current, (long) counts.length);
            if (indexes[slot] != current) {
                indexes[slot] = current;
                counts[slot] = 0;
            }
            counts[slot]++;
            return 0;
        }
        long expires = (oldest + 1 + BUCKETS) * bucketNanos;
        return Math.max(1, expires - now);
    }
}
