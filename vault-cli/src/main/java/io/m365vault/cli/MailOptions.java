package io.m365vault.cli;

import io.m365vault.restore.MailFormat;
import java.time.Instant;
import picocli.CommandLine.Option;

/** Options of commands that read a point in time, and of those that write mail. */
final class MailOptions {
    private MailOptions() {
    }

    /** {@code --at TIME}, now when absent. */
    static final class At {
        @Option(names = "--at", paramLabel = "TIME", converter = Times.class,
                description = "point in time, " + Times.SHAPES + " (default: now)")
        Instant at;

        Instant orNow() {
            return at == null ? Instant.now() : at;
        }
    }

    /** {@code --format eml|mbox}. */
    static final class Format {
        @Option(names = "--format", paramLabel = "eml|mbox", defaultValue = "eml", converter = Converters.Format.class,
                description = "one .eml per message, or one mboxrd file per folder (default: ${DEFAULT-VALUE})")
        MailFormat format = MailFormat.EML;
    }
}
