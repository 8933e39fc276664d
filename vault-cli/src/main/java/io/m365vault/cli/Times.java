package io.m365vault.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A point in time on the command line, ISO-8601: an instant ({@code 2026-11-25T14:00:00Z}), a
 * date-time with offset ({@code 2026-11-25T15:00+01:00}), a local date-time (taken as UTC),
 * a date (the end of that day, UTC: the last state of the day) or {@code now}.
 */
final class Times implements ITypeConverter<Instant> {
    static final String SHAPES = "ISO-8601 such as 2026-11-25T14:00:00Z, 2026-11-25T15:00+01:00, 2026-11-25 (end of that day, UTC) or now";

    @Override
    public Instant convert(String s) {
        return parse(s);
    }

    static Instant parse(String s) {
        String t = s.strip();
        if (t.equalsIgnoreCase("now")) {
            return Instant.now();
        }
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException ignored) {
            // not an instant; the other shapes follow
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException ignored) {
            // no offset
        }
        try {
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // no time
        }
        try {
            return LocalDate.parse(t).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + s + "' is not a time: " + SHAPES);
        }
    }
}
