package io.m365vault.restore.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.restore.EventTimes;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The body of {@code POST calendars/{id}/events} that recreates a backed-up event (or of the
 * {@code PATCH} that turns an occurrence into one of its exceptions): what a user sees and set,
 * from the catalog's Graph JSON, without attendees ({@link MeetingNote} says why and keeps them).
 * Times are sent in the organizer's zone ({@code originalStartTimeZone}), not the UTC Graph
 * listed them in, so a series keeps its wall-clock time across daylight saving changes.
 */
final class EventPayload {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    /** Properties a client sets; the rest (ids, times of change, organizer, responses, online meeting links) are the server's. */
    private static final String[] COPIED = {"subject", "body", "importance", "sensitivity", "showAs", "categories", "isAllDay",
            "isReminderOn", "reminderMinutesBeforeStart", "location", "locations", "allowNewTimeProposals", "responseRequested",
            "hideAttendees"};

    private EventPayload() {
    }

    /** A single event, or a series master with its recurrence. */
    static ObjectNode create(JsonNode event) {
        ObjectNode p = common(event);
        if ("seriesMaster".equals(event.path("type").asText()) && event.hasNonNull("recurrence")) {
            p.set("recurrence", event.get("recurrence").deepCopy());
        }
        return p;
    }

    /** The change that makes an occurrence of the restored series the backed-up exception. */
    static ObjectNode exception(JsonNode exception) {
        return common(exception);
    }

    private static ObjectNode common(JsonNode event) {
        ObjectNode p = JSON.createObjectNode();
        for (String f : COPIED) {
            JsonNode v = event.get(f);
            if (v != null && !v.isNull()) {
                p.set(f, v.deepCopy());
            }
        }
        EventTimes times = EventTimes.of(event);
        String startZone = zoneName(event, "originalStartTimeZone", "start");
        String endZone = zoneName(event, "originalEndTimeZone", "end");
        p.set("start", time(times.allDay() ? times.startDate().atStartOfDay() : local(times.start(), startZone), startZone));
        p.set("end", time(times.allDay() ? times.endDate().atStartOfDay() : local(times.end(), endZone), endZone));
        MeetingNote.keep(event, p);
        return p;
    }

    /** The zone the organizer gave, as Graph names it (Windows or IANA), else the one the time came in. */
    private static String zoneName(JsonNode event, String original, String time) {
        String z = event.path(original).asText("");
        return EventTimes.zoneOf(z).isPresent() ? z : event.path(time).path("timeZone").asText("UTC");
    }

    private static LocalDateTime local(Instant t, String zone) {
        return LocalDateTime.ofInstant(t, EventTimes.zoneOf(zone).orElse(ZoneOffset.UTC));
    }

    private static ObjectNode time(LocalDateTime local, String zone) {
        return JSON.createObjectNode().put("dateTime", LOCAL.format(local)).put("timeZone", zone);
    }
}
