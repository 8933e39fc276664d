package io.m365vault.graph;

import java.time.Duration;

/**
 * The governor's knobs. Defaults are Graph's per-mailbox limits for Outlook (4 concurrent,
 * 10,000 requests per 10 minutes); tests and benchmarks shrink the window keeping the ratio.
 *
 * @param maxInFlight       requests in flight per key at once
 * @param requestsPerWindow requests per key in any window of {@code window} (0: no budget)
 * @param window            length of the budget window
 * @param maxAttempts       attempts per request, the first included, before giving up
 * @param baseBackoff       first backoff when the server gives no Retry-After; doubles per attempt
 * @param maxBackoff        cap of one backoff
 */
public record ThrottleConfig(int maxInFlight, int requestsPerWindow, Duration window,
                             int maxAttempts, Duration baseBackoff, Duration maxBackoff) {

    public ThrottleConfig {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
        }
        if (requestsPerWindow < 0) {
            throw new IllegalArgumentException("requestsPerWindow must not be negative, got " + requestsPerWindow);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (baseBackoff == null || baseBackoff.isNegative() || maxBackoff == null || maxBackoff.compareTo(baseBackoff) < 0) {
            throw new IllegalArgumentException("backoffs must satisfy 0 <= base <= max, got " + baseBackoff + " and " + maxBackoff);
        }
    }

    public static ThrottleConfig defaults() {
        return new ThrottleConfig(4, 10_000, Duration.ofMinutes(10), 8, Duration.ofMillis(500), Duration.ofSeconds(60));
    }

    public ThrottleConfig withMaxInFlight(int n) {
        return new ThrottleConfig(n, requestsPerWindow, window, maxAttempts, baseBackoff, maxBackoff);
    }

    public ThrottleConfig withBudget(int requests, Duration per) {
        return new ThrottleConfig(maxInFlight, requests, per, maxAttempts, baseBackoff, maxBackoff);
    }

    public ThrottleConfig withMaxAttempts(int n) {
        return new ThrottleConfig(maxInFlight, requestsPerWindow, window, n, baseBackoff, maxBackoff);
    }

    public ThrottleConfig withBackoff(Duration base, Duration max) {
        return new ThrottleConfig(maxInFlight, requestsPerWindow, window, maxAttempts, base, max);
    }
}
