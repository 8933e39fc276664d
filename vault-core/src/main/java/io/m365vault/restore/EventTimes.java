package io.m365vault.restore;

import biweekly.util.DateTimeComponents;
import biweekly.util.ICalDate;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * An event's start and end as Graph gives them ({@code dateTimeTimeZone}: a local time and the
 * zone it is in, by default UTC) and the zone it is shown in: the organizer's
 * {@code originalStartTimeZone} when known, so that a weekly 9:00 meeting stays at 9:00 across
 * daylight saving changes. All-day events keep their dates, whatever the zone.
 */
public record EventTimes(boolean allDay, ZoneId zone, Instant start, Instant end, LocalDate startDate, LocalDate endDate) {

    public static EventTimes of(JsonNode event) {
        boolean allDay = GraphJson.bool(event, "isAllDay");
        JsonNode start = event.path("start");
        JsonNode end = event.path("end");
        ZoneId zone = GraphTimeZones.resolve(GraphJson.text(event, "originalStartTimeZone"))
                .or(() -> GraphTimeZones.resolve(GraphJson.text(start, "timeZone")))
                .orElse(ZoneOffset.UTC);
        LocalDateTime s = local(start, "start");
        LocalDateTime e = end.isMissingNode() || end.isNull() ? s : local(end, "end");
        Instant si = s.atZone(GraphTimeZones.orUtc(GraphJson.text(start, "timeZone"))).toInstant();
        Instant ei = e.atZone(GraphTimeZones.orUtc(GraphJson.text(end, "timeZone"))).toInstant();
        return new EventTimes(allDay, zone, si, ei, s.toLocalDate(), e.toLocalDate());
    }

    /** A point in time of this series as the same kind of value as its DTSTART: a date, or a time. */
    ICalDate value(Instant t) {
        return allDay ? date(LocalDate.ofInstant(t, zone)) : new ICalDate(java.util.Date.from(t), true);
    }

    /** One day of the series at its usual start time (for cancelled occurrences, which Graph names by date). */
    public Instant onDay(LocalDate day) {
        return day.atTime(LocalDateTime.ofInstant(start, zone).toLocalTime()).atZone(zone).toInstant();
    }

    /** The zone a Graph time zone name (Windows or IANA) names, if it is one. */
    public static java.util.Optional<ZoneId> zoneOf(String graphName) {
        return GraphTimeZones.resolve(graphName);
    }

    /** The days of the series Graph lists as cancelled ("OID.<id>.<yyyy-MM-dd>"), at the series' start time (for export and restore). */
    public List<Instant> cancelled(JsonNode ev) {
        List<Instant> out = new ArrayList<>();
        for (JsonNode oid : ev.path("cancelledOccurrences")) {
            String s = oid.asText();
            if (s.length() >= 10) {
                try {
                    out.add(onDay(LocalDate.parse(s.substring(s.length() - 10))));
                } catch (DateTimeParseException e) {
                    throw new ExportException("cancelled occurrence '" + s + "' does not end in a date");
                }
            }
        }
        return out;
    }

    boolean utc() {
        return zone.normalized().equals(ZoneOffset.UTC);
    }

    /** A DATE value written as exactly these digits, whatever the JVM's zone. */
    static ICalDate date(LocalDate d) {
        return new ICalDate(new DateTimeComponents(d.getYear(), d.getMonthValue(), d.getDayOfMonth()), false);
    }

    /** An ISO date-time with offset ("2024-01-08T09:00:00Z"), or one without, read as UTC. */
    public static Instant instant(String s) {
        try {
            return java.time.OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        }
    }

    private static LocalDateTime local(JsonNode dateTimeTimeZone, String what) {
        String dt = GraphJson.text(dateTimeTimeZone, "dateTime");
        if (dt == null) {
            throw new ExportException("event has no " + what + ".dateTime");
        }
        return LocalDateTime.parse(dt);
    }
}
