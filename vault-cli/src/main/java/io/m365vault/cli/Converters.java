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

    static final class Format extends Wrapping<MailFormat> {
        @Override
        MailFormat parse(String s) {
            return MailFormat.parse(s);
        }
    }
}
