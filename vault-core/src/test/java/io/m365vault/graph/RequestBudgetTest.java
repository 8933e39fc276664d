package io.m365vault.graph;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestBudgetTest {
    static final long WINDOW = 1_000_000;

    @Test
    void takesTheLimitThenWaitsUntilTheFirstBucketLeavesTheWindow() {
        RequestBudget b = new RequestBudget(100, WINDOW);
        long start = 7 * WINDOW + 123;
        for (int i = 0; i < 100; i++) {
            assertEquals(0, b.tryTake(start + i));
        }
        long wait = b.tryTake(start + 100);
        assertTrue(wait > 0);
        long free = start + 100 + wait;
        assertTrue(free >= start + WINDOW, "never before a full window after the first request");
        assertTrue(free <= start + WINDOW + WINDOW / RequestBudget.BUCKETS + 1, "late by at most one bucket");
        assertEquals(0, b.tryTake(free));
    }

    @Test
    void neverMoreThanTheLimitInAnyWindowUnderRandomTraffic() {
        int limit = 37;
        RequestBudget b = new RequestBudget(limit, WINDOW);
        long[] taken = new long[5000];
        int n = 0;
        long now = -3 * WINDOW;
        while (n < taken.length) {
            now += ThreadLocalRandom.current().nextLong(WINDOW / 40);
            long wait = b.tryTake(now);
            if (wait == 0) {
                taken[n++] = now;
            } else {
                now += ThreadLocalRandom.current().nextBoolean() ? wait : wait / 2;
            }
        }
        for (int i = 0; i + limit < n; i++) {
            assertTrue(taken[i + limit] - taken[i] >= WINDOW, "request " + (i + limit) + " came within a window of request " + i);
        }
        // And the rate is close to the limit: the budget is not needlessly slow.
        double perWindow = (double) n / ((taken[n - 1] - taken[0]) / (double) WINDOW);
        assertTrue(perWindow > limit * 0.9, "achieved " + perWindow + " per window");
    }

    @Test
    void zeroMeansNoBudget() {
        RequestBudget b = new RequestBudget(0, WINDOW);
        for (int i = 0; i < 100_000; i++) {
            assertEquals(0, b.tryTake(i));
        }
    }
}
