package io.m365vault.graph;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter: a random wait in [d/2, d], d = base * 2^(retry-1) capped at max. */
final class Backoff {
    private Backoff() {
    }

    static Duration delay(ThrottleConfig c, int retry) {
        long base = c.baseBackoff().toNanos();
        long max = c.maxBackoff().toNanos();
        long d = base;
        for (int i = 1; i < retry && d < max; i++) {
            d = Math.min(max, d * 2);
        }
        d = Math.min(max, d);
        if (d <= 1) {
            return Duration.ofNanos(d);
        }
        return Duration.ofNanos(d / 2 + ThreadLocalRandom.current().nextLong(d / 2 + 1));
    }
}
