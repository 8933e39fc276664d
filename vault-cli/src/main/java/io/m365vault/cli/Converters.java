package io.m365vault.cli;

import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.restore.MailFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Picocli converters that turn the core's parse errors into usage errors (exit 2). */
final class Converters {
    private Converters() {
    }

    /** The core's parsers throw IllegalArgumentException with one line; picocli wants this type. */
    abstract static class Wrapping<T> implements ITypeConverter<T> {
        abstract T parse(String s);

        @Override
        public final T convert(String s) {
            try {
                return parse(s);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class Item extends Wrapping<ProtectedItem> {
        @Override
        ProtectedItem parse(String s) {
            return ProtectedItem.parse(s);
        }
    }

    static final class WorkloadName extends Wrapping<Workload> {
        @Override
        Workload parse(String s) {
            return Workload.parse(s.strip());
        }
    }

    /** A duration as {@code 36h}, {@code 2d}, {@code 90m} or ISO-8601 ({@code PT36H}). */
    static final class Span extends Wrapping<java.time.Duration> {
        private static final java.util.regex.Pattern SHORT = java.util.regex.Pattern.compile("(\\d{1,6})([dhm])");

        @Override
        java.time.Duration parse(String s) {
            java.util.regex.Matcher m = SHORT.matcher(s.strip());
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "d" -> java.time.Duration.ofDays(n);
                    case "h" -> java.time.Duration.ofHours(n);
                    default -> java.time.Duration.ofMinutes(n);
                };
            }
            try {
                return java.time.Duration.parse(s.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("'" + s + "' is not a duration: write 36h, 2d, 90m or PT36H");
            }
        }
    }

    static final class Format extends Wrapping<MailFormat> {
        @Override
        MailFormat parse(String s) {
            return MailFormat.parse(s);
        }
    }
}
