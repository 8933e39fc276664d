package io.m365vault.graph;

import okhttp3.Headers;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The tenant's SharePoint pacing on a clock of the test's own. */
class ResourceUnitPacerTest {
    private static final long S = 1_000_000_000L;
    private static final long T0 = 5 * S;

    private static RateLimitHeaders left(long remaining, long resetSeconds) {
        return new RateLimitHeaders(100, remaining, resetSeconds);
    }

    @Test
    void withoutAReportRequestsGoAtFullSpeed() {
        ResourceUnitPacer p = new ResourceUnitPacer();
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, p.tryTake(2, T0, false));
        }
        assertEquals(new ResourceUnitStats(2000, 0, 0, 0), p.stats());
    }

    @Test
    void theUnitsLeftAreSpreadEvenlyUntilTheResetThenItWaitsForTheReset() {
        ResourceUnitPacer p = new ResourceUnitPacer();
        p.report(left(10, 10), T0);
        long now = T0;
        for (int i = 0; i < 10; i++) {
            assertEquals(0, p.tryTake(1, now, false), "unit " + i);
            p.answered(1);
            long wait = p.tryTake(1, now, false);
            if (i < 9) {
                // What is left, spread over the time left: 10 units over 10 s is one a second.
                assertEquals(S, wait, "unit " + i);
            } else {
                assertEquals(T0 + 10 * S - now, wait, "none left: wait for the reset");
            }
            now += wait;
        }
        assertEquals(T0 + 10 * S, now);
        assertEquals(0, p.tryTake(5, now, false), "a new window: full speed until SharePoint reports again");
    }

    @Test
    void unitsInFlightAreHeldBackFromAReportAndAStaleReportRaisesNothing() {
        ResourceUnitPacer p = new ResourceUnitPacer();
        for (int i = 0; i < 3; i++) {
            p.tryTake(1, T0, false);
        }
        p.report(left(5, 30), T0);
        assertEquals(0, p.tryTake(1, T0, false));
        assertEquals(0, p.tryTake(1, T0 + 15 * S, false));
        assertEquals(15 * S, p.tryTake(1, T0 + 15 * S, false), "5 left less 3 in flight: 2 units, both spent");
        for (int i = 0; i < 5; i++) {
            p.answered(1);
        }
        p.report(left(9, 30), T0 + 16 * S);
        assertEquals(T0 + 46 * S - (T0 + 16 * S), p.tryTake(1, T0 + 16 * S, false), "an older, higher figure does not raise the units left");
    }

    @Test
    void a429StopsEveryRequestUntilItsRetryAfter() {
        ResourceUnitPacer p = new ResourceUnitPacer();
        p.exhausted(20 * S, T0);
        assertEquals(20 * S, p.tryTake(1, T0, false));
        assertEquals(S, p.tryTake(1, T0 + 19 * S, true));
        assertEquals(0, p.tryTake(1, T0 + 20 * S, true));
        assertEquals(1, p.stats().pacedRequests(), "one request waited, twice");
        assertEquals(21_000, p.stats().pacedMillis());
    }

    @Test
    void headersAreReadAsSharePointSendsThemAndIgnoredWhenUnreadable() {
        assertEquals(new RateLimitHeaders(1200, 120, 5),
                RateLimitHeaders.of(Headers.of("RateLimit-Limit", "1200", "RateLimit-Remaining", "120", "RateLimit-Reset", "5")));
        assertEquals(new RateLimitHeaders(-1, 7, 40), RateLimitHeaders.of(Headers.of("RateLimit-Remaining", "7, 7;w=60", "RateLimit-Reset", "40")));
        assertNull(RateLimitHeaders.of(Headers.of("RateLimit-Limit", "1200")));
        assertNull(RateLimitHeaders.of(Headers.of("RateLimit-Remaining", "lots", "RateLimit-Reset", "5")));
        assertNull(RateLimitHeaders.of(Headers.of("RateLimit-Remaining", "-1", "RateLimit-Reset", "5")));
    }
}
