package io.m365vault.graphsim.calendar;

import io.m365vault.graphsim.http.GraphError;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Map;

/**
 * Time zone names as Outlook uses them: Windows names ("Pacific Standard Time") in
 * originalStartTimeZone and recurrenceTimeZone, IANA names accepted on input, as Graph does.
 */
public final class ZoneNames {
    private static final Map<String, String> WINDOWS_TO_IANA = Map.of(
            "UTC", "UTC",
            "Pacific Standard Time", "America/Los_Angeles",
            "Eastern Standard Time", "America/New_York",
            "W. Europe Standard Time", "Europe/Berlin",
            "GMT Standard Time", "Europe/London",
            "Tokyo Standard Time", "Asia/Tokyo",
            "Romance Standard Time", "Europe/Paris");

    private static final java.util.concurrent.ConcurrentHashMap<String, ZoneId> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private ZoneNames() {
    }

    /** A zone from a Windows or IANA name; one clear 400 for anything else. */
    public static ZoneId parse(String name) {
        if (name == null || name.isBlank()) {
            return ZoneId.of("UTC");
        }
        String iana = WINDOWS_TO_IANA.get(name);
        try {
            // ZoneId.of makes a new object each call; thousands of generated events share a handful.
            return CACHE.computeIfAbsent(iana != null ? iana : name, ZoneId::of);
        } catch (DateTimeException e) {
            throw GraphError.badRequest("TimeZoneNotSupportedException", "A valid TimeZone value must be specified. The following TimeZone value is not supported: '" + name + "'.");
        }
    }

    /** The Windows name Outlook reports for a zone, or the IANA id when none is known here. */
    public static String windows(ZoneId zone) {
        for (Map.Entry<String, String> e : WINDOWS_TO_IANA.entrySet()) {
            if (e.getValue().equals(zone.getId())) {
                return e.getKey();
            }
        }
        return zone.getId();
    }

    /** The zone a client asked responses in with {@code Prefer: outlook.timezone="..."}, else UTC. */
    public static ZoneId preferred(String prefer) {
        if (prefer != null) {
            for (String part : prefer.split(",")) {
                String p = part.trim();
                if (p.toLowerCase(java.util.Locale.ROOT).startsWith("outlook.timezone=")) {
                    return parse(p.substring("outlook.timezone=".length()).replace("\"", "").trim());
                }
            }
        }
        return ZoneId.of("UTC");
    }
}
