package io.m365vault.graphsim.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.mail.JsonMessages;
import io.m365vault.graphsim.mail.MessageSpec;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Applies a client's event JSON (create or patch) to a stored event, with Graph's checks. */
public final class EventInput {
    /** Properties the server owns or that are kept outside {@link EventItem#fields}. */
    private static final Set<String> NOT_FIELDS = Set.of("id", "createdDateTime", "lastModifiedDateTime", "changeKey", "type",
            "seriesMasterId", "originalStart", "iCalUId", "webLink", "hasAttachments", "bodyPreview", "recurrence", "start", "end",
            "isAllDay", "originalStartTimeZone", "originalEndTimeZone", "attachments", "responseStatus", "isOrganizer", "calendar",
            "instances", "exceptionOccurrences", "cancelledOccurrences", "extensions", "isCancelled");

    private EventInput() {
    }

    public static JsonNode parse(byte[] body) {
        JsonNode j = Json.parse(body);
        if (!j.isObject()) {
            throw GraphError.badRequest("ErrorInvalidRequest", "An event object is expected.");
        }
        return j;
    }

    /**
     * Copies everything a client may set onto {@code e}; on create, start and end are required.
     * Checks everything before changing anything, so a rejected request leaves the event as it was.
     */
    public static void apply(EventItem e, JsonNode j, boolean create) {
        ObjectNode fields = e.fields().deepCopy();
        j.fields().forEachRemaining(f -> {
            if (!f.getKey().startsWith("@") && !NOT_FIELDS.contains(f.getKey())) {
                fields.set(f.getKey(), f.getValue().deepCopy());
            }
        });
        if (create && (!j.hasNonNull("start") || !j.hasNonNull("end"))) {
            throw GraphError.badRequest("ErrorInvalidRequest", "An event needs start and end, each {\"dateTime\": ..., \"timeZone\": ...}.");
        }
        ZoneId zone = j.hasNonNull("start") ? ZoneNames.parse(j.get("start").path("timeZone").asText(null)) : e.zone;
        LocalDateTime start = j.hasNonNull("start") ? time(j.get("start"), zone, "start") : e.start.atZone(e.zone).withZoneSameInstant(zone).toLocalDateTime();
        LocalDateTime end = j.hasNonNull("end") ? time(j.get("end"), zone, "end") : e.end.atZone(e.zone).withZoneSameInstant(zone).toLocalDateTime();
        boolean allDay = j.has("isAllDay") ? j.get("isAllDay").asBoolean() : e.allDay;
        if (end.isBefore(start)) {
            throw GraphError.badRequest("ErrorInvalidRequest", "The event's end is before its start.");
        }
        if (allDay && (!start.toLocalTime().equals(LocalTime.MIDNIGHT) || !end.toLocalTime().equals(LocalTime.MIDNIGHT))) {
            throw GraphError.badRequest("ErrorPropertyValidationFailure", "An all-day event must start and end at midnight.");
        }
        if (e.kind == EventItem.Kind.SINGLE && j.hasNonNull("recurrence") && !create) {
            throw GraphError.badRequest("ErrorInvalidRequest", "The simulator does not turn a single event into a series: create a new event with the recurrence.");
        }
        Recurrence recurrence = j.has("recurrence") && e.kind != EventItem.Kind.EXCEPTION ? Recurrence.parse(j.get("recurrence")) : e.recurrence;
        if (e.kind == EventItem.Kind.MASTER && recurrence == null) {
            throw GraphError.badRequest("ErrorInvalidRequest", "A series needs a recurrence.");
        }
        List<EventAttachment> attachments = new ArrayList<>(e.attachments);
        j.path("attachments").forEach(a -> attachments.add(attachment(e, a, attachments.size())));
        e.setFields(fields);
        e.zone = zone;
        e.start = start;
        e.end = end;
        e.allDay = allDay;
        e.recurrence = recurrence;
        e.attachments = attachments;
    }

    /** A fileAttachment from JSON with contentBytes, as POST /events/{id}/attachments takes it. */
    public static EventAttachment attachment(EventItem e, JsonNode a, int index) {
        MessageSpec.Attachment parsed = JsonMessages.attachment(a);
        return new EventAttachment(attachmentId(e, index), parsed.name(), parsed.contentType(), 0, 0, parsed.bytes());
    }

    /** The id of the {@code index}th attachment a client added to an event. */
    public static String attachmentId(EventItem e, int index) {
        return io.m365vault.graphsim.model.Ids.outlook(0, "eventatt:" + e.id() + ":added:" + index);
    }

    private static LocalDateTime time(JsonNode t, ZoneId eventZone, String which) {
        String s = t.path("dateTime").asText("");
        ZoneId given = ZoneNames.parse(t.path("timeZone").asText(null));
        try {
            LocalDateTime local = LocalDateTime.parse(s.endsWith("Z") ? s.substring(0, s.length() - 1) : s);
            return local.atZone(given).withZoneSameInstant(eventZone).toLocalDateTime();
        } catch (DateTimeParseException e) {
            throw GraphError.badRequest("ErrorInvalidRequest", which + ".dateTime is not a date and time: '" + s + "'.");
        }
    }
}
