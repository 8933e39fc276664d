package io.m365vault.graph;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The {@code Retry-After} header: delta-seconds (what Graph sends) or an HTTP date. */
final class RetryAfter {
    private static final Duration MAX = Duration.ofMinutes(15);

    private RetryAfter() {
    }

    /** The wait asked for, zero when absent, unreadable or already past; capped so a bad header cannot stall a run. */
    static Duration parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Duration.ZERO;
        }
        String h = header.trim();
        Duration d;
        try {
            d = Duration.ofMillis(Math.round(Double.parseDouble(h) * 1000));
        } catch (NumberFormatException notSeconds) {
            try {
                d = Duration.between(now, ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException notADate) {
                return Duration.ZERO;
            }
        }
        if (d.isNegative()) {
            return Duration.ZERO;
        }
        return d.compareTo(MAX) > 0 ? MAX : d;
    }
}
