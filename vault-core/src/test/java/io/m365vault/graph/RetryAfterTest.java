package io.m365vault.graph;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetryAfterTest {
    static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void secondsAndHttpDates() {
        assertEquals(Duration.ofSeconds(7), RetryAfter.parse("7", NOW));
        assertEquals(Duration.ofMillis(1500), RetryAfter.parse(" 1.5 ", NOW));
        assertEquals(Duration.ofSeconds(30), RetryAfter.parse("Sat, 01 Mar 2025 10:00:30 GMT", NOW));
    }

    @Test
    void absentPastOrUnreadableIsZeroAndHugeIsCapped() {
        assertEquals(Duration.ZERO, RetryAfter.parse(null, NOW));
        assertEquals(Duration.ZERO, RetryAfter.parse("soon", NOW));
        assertEquals(Duration.ZERO, RetryAfter.parse("Sat, 01 Mar 2025 09:59:00 GMT", NOW));
        assertEquals(Duration.ofMinutes(15), RetryAfter.parse("86400", NOW));
    }
}
