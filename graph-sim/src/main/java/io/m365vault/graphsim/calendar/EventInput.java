package io.m365vault.graphsim.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.mail.JsonMessages;
import io.m365vault.graphsim.mail.MessageSpec;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
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

    /** Copies everything a client may set onto {@code e}; on create, start and end are required. */
    public static void apply(EventItem e, JsonNode j, boolean create) {
        ObjectNode fields = e.fields == null ? Json.obj() : e.fields.deepCopy();
        j.fields().forEachRemaining(f -> {
            if (!f.getKey().startsWith("@") && !NOT_FIELDS.contains(f.getKey())) {
                fields.set(f.getKey(), f.getValue().deepCopy());
            }
        });
        e.fields = fields;
        if (create && (!j.hasNonNull("start") || !j.hasNonNull("end"))) {
            throw GraphError.badRequest("ErrorInvalidRequest", "An event needs start and end, each {\"dateTime\": ..., \"timeZone\": ...}.");
        }
        if (j.hasNonNull("start")) {
            e.zone = ZoneNames.parse(j.get("start").path("timeZone").asText(null));
            e.start = time(j.get("start"), e.zone, "start");
        }
        if (j.hasNonNull("end")) {
            e.end = time(j.get("end"), e.zone, "end");
        }
        if (j.has("isAllDay")) {
            e.allDay = j.get("isAllDay").asBoolean();
        }
        if (e.end.isBefore(e.start)) {
            throw GraphError.badRequest("ErrorInvalidRequest", "The event's end is before its start.");
        }
        if (e.allDay && (!e.start.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) || !e.end.toLocalTime().equals(java.time.LocalTime.MIDNIGHT))) {
            throw GraphError.badRequest("ErrorPropertyValidationFailure", "An all-day event must start and end at midnight.");
        }
        if (j.has("recurrence") && e.kind != EventItem.Kind.EXCEPTION) {
            e.recurrence = Recurrence.parse(j.get("recurrence"));
        }
        if (e.kind == EventItem.Kind.MASTER && e.recurrence == null) {
            throw GraphError.badRequest("ErrorInvalidRequest", "A series needs a recurrence.");
        }
        j.path("attachments").forEach(a -> e.attachments.add(attachment(e, a)));
    }

    /** A fileAttachment from JSON with contentBytes, as POST /events/{id}/attachments takes it. */
    public static EventAttachment attachment(EventItem e, JsonNode a) {
        MessageSpec.Attachment parsed = JsonMessages.attachment(a);
        String id = io.m365vault.graphsim.model.Ids.outlook(0, "eventatt:" + e.id() + ":added:" + e.attachments.size() + ":" + e.seq());
        return new EventAttachment(id, parsed.name(), parsed.contentType(), 0, 0, parsed.bytes());
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
