package io.m365vault.graph;

/**
 * Counters of one throttle key (or the totals): requests sent (retries included), 429s
 * received, retries made, requests that failed after their last attempt.
 */
public record KeyStats(long requests, long throttled, long retries, long failed) {
    public static final KeyStats ZERO = new KeyStats(0, 0, 0, 0);

    KeyStats plus(KeyStats o) {
        return new KeyStats(requests + o.requests, throttled + o.throttled, retries + o.retries, failed + o.failed);
    }
}
