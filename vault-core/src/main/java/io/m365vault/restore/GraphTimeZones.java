package io.m365vault.restore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Properties;

/**
 * Graph names time zones the way the mailbox does: IANA ids, Windows names ("W. Europe Standard
 * Time"), or "UTC". This turns any of them into a {@link ZoneId}; names it does not know (custom
 * zones such as {@code tzone://Microsoft/Custom}) are empty, and callers fall back to UTC.
 */
final class GraphTimeZones {
    private static final Properties WINDOWS = load();

    private GraphTimeZones() {
    }

    static Optional<ZoneId> resolve(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String n = name.strip();
        if (n.equalsIgnoreCase("UTC") || n.equalsIgnoreCase("tzone://Microsoft/Utc")) {
            return Optional.of(ZoneOffset.UTC);
        }
        String iana = WINDOWS.getProperty(n);
        try {
            return Optional.of(ZoneId.of(iana != null ? iana : n));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The zone of a name, or UTC. */
    static ZoneId orUtc(String name) {
        return resolve(name).orElse(ZoneOffset.UTC);
    }

    /** Every Windows name known here (for the test that checks each maps to a real zone). */
    static Properties windowsNames() {
        return WINDOWS;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = GraphTimeZones.class.getResourceAsStream("windows-zones.properties")) {
            if (in == null) {
                throw new IllegalStateException("windows-zones.properties is missing from the build");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
