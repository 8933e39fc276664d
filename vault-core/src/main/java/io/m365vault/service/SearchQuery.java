package io.m365vault.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The query of {@code GET /api/items/{item}/search?q=&from=&to=}: words, and a range of dates
 * given as UTC times or days ({@code from=2026-11-20} starts at that day's first instant,
 * {@code to=2026-11-20} takes in the whole day). At least one of the three is needed.
 */
record SearchQuery(String words, Instant from, Instant to) {
    static final int MAX_WORDS_LENGTH = 200;

    /** @throws InvalidRequestException one line naming the parameter and what it must be */
    static SearchQuery parse(String q, String from, String to) {
        String words = q == null || q.isBlank() ? null : q.strip();
        if (words != null && words.length() > MAX_WORDS_LENGTH) {
            throw new InvalidRequestException("q must be at most " + MAX_WORDS_LENGTH + " characters, got " + words.length());
        }
        Instant f = bound("from", from, false);
        Instant t = bound("to", to, true);
        if (words == null && f == null && t == null) {
            throw new InvalidRequestException("search needs q (words of a subject, name or sender), from or to");
        }
        if (f != null && t != null && !f.isBefore(t)) {
            throw new InvalidRequestException("from must be before to, got from=" + from + " and to=" + to);
        }
        return new SearchQuery(words, f, t);
    }

    private static Instant bound(String name, String value, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notATime) {
            try {
                LocalDate d = LocalDate.parse(value);
                return (end ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidRequestException(name + " must be a UTC time such as 2026-11-25T10:00:00Z or a day such as 2026-11-25, got '"
                        + ItemIds.printable(value) + "'");
            }
        }
    }
}
