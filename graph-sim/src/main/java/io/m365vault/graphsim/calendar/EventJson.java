package io.m365vault.graphsim.calendar;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.http.Req;
import io.m365vault.graphsim.mail.MailJson;
import io.m365vault.graphsim.model.Ids;
import io.m365vault.graphsim.model.Rng;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/** The JSON Graph returns for calendars, events (singles, masters, occurrences, exceptions) and their attachments. */
public final class EventJson {
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'.0000000'");
    /** Stored like any property a client set, but Graph returns them only on $expand. */
    public static final java.util.Set<String> EXPANDED_ONLY = java.util.Set.of("singleValueExtendedProperties", "multiValueExtendedProperties");
    private final long seed;

    /** How a client asked to see events: the zone of start/end ({@code outlook.timezone}) and text bodies ({@code outlook.body-content-type}). */
    public record Shape(ZoneId zone, boolean textBody) {
        public static Shape of(String prefer) {
            boolean text = prefer != null && prefer.toLowerCase(java.util.Locale.ROOT).contains("outlook.body-content-type=\"text\"");
            return new Shape(ZoneNames.preferred(prefer), text);
        }
    }

    public EventJson(long seed) {
        this.seed = seed;
    }

    public static ObjectNode calendar(CalendarBook book, SimCalendar c) {
        ObjectNode j = Json.obj();
        j.put("@odata.type", "#microsoft.graph.calendar");
        j.put("id", c.id);
        j.put("name", c.name);
        j.put("color", c.color);
        j.put("hexColor", "");
        j.put("isDefaultCalendar", c.isDefault);
        j.put("changeKey", MailJson.changeKey(0, c.id));
        j.put("canShare", true);
        j.put("canViewPrivateItems", true);
        j.put("canEdit", true);
        j.putArray("allowedOnlineMeetingProviders").add("teamsForBusiness");
        j.put("defaultOnlineMeetingProvider", "teamsForBusiness");
        j.put("isTallyingResponses", true);
        j.put("isRemovable", !c.isDefault);
        j.set("owner", book.ownerAddress().get("emailAddress"));
        return j;
    }

    /** A stored event (single, master or exception) in the response zone. */
    public ObjectNode event(EventItem e, Shape out) {
        String type = switch (e.kind) {
            case SINGLE -> "singleInstance";
            case MASTER -> "seriesMaster";
            case EXCEPTION -> "exception";
        };
        return render(e.id(), e, type, e.start, e.originalStart, e.seq(), out);
    }

    public ObjectNode instance(EventInstance i, Shape out) {
        return i.deleted() ? removed(i.id()) : render(i.id(), i.source(), i.type(), i.start(), i.originalStart(), i.seq(), out);
    }

    /** An occurrence of a series, by date, as GET /events/{occurrence id} returns it. */
    public ObjectNode occurrence(String id, EventItem master, LocalDateTime start, Shape out) {
        return render(id, master, "occurrence", start, start, master.seq(), out);
    }

    private ObjectNode render(String id, EventItem e, String type, LocalDateTime start, LocalDateTime originalStart, long seq, Shape out) {
        LocalDateTime end = start.plus(e.duration());
        ObjectNode j = Json.obj();
        String ck = MailJson.changeKey(seq, id);
        j.put("@odata.type", "#microsoft.graph.event");
        j.put("@odata.etag", "W/\"" + ck + "\"");
        j.put("id", id);
        j.put("createdDateTime", e.created.toString());
        j.put("lastModifiedDateTime", e.modified.toString());
        j.put("changeKey", ck);
        j.put("originalStartTimeZone", ZoneNames.windows(e.zone));
        j.put("originalEndTimeZone", ZoneNames.windows(e.zone));
        j.put("iCalUId", "040000008200E00074C5B7101A82E00800000000" + Ids.hex(Rng.hash(seed, "ical:" + id)).substring(0, 48).toUpperCase());
        j.put("hasAttachments", !e.attachments.isEmpty());
        ObjectNode fields = e.fields();
        String body = fields.path("body").path("content").asText("");
        String preview = preview(body);
        j.put("bodyPreview", preview.length() > 255 ? preview.substring(0, 255) : preview);
        j.put("isAllDay", e.allDay);
        j.put("isCancelled", false);
        j.put("isOrganizer", true);
        j.put("isDraft", false);
        j.put("isOnlineMeeting", false);
        j.putNull("onlineMeetingProvider");
        j.putNull("onlineMeetingUrl");
        j.putNull("onlineMeeting");
        j.put("allowNewTimeProposals", true);
        j.put("hideAttendees", false);
        j.put("type", type);
        j.put("seriesMasterId", type.equals("occurrence") || type.equals("exception") ? (e.seriesMasterId != null ? e.seriesMasterId : e.id()) : null);
        j.put("originalStart", originalStart == null ? null : originalStart.atZone(e.zone).toInstant().toString());
        j.put("webLink", "https://outlook.office365.com/owa/?itemid=" + Req.encodeSegment(id) + "&exvsurl=1&path=/calendar/item");
        j.putObject("responseStatus").put("response", "organizer").put("time", "0001-01-01T00:00:00Z");
        j.set("recurrence", type.equals("seriesMaster") ? e.recurrence.json() : null);
        for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> f = it.next();
            if (!EXPANDED_ONLY.contains(f.getKey())) {
                j.set(f.getKey(), f.getValue().deepCopy());
            }
        }
        j.set("start", time(start, e, out.zone()));
        j.set("end", time(end, e, out.zone()));
        if (out.textBody() && "html".equalsIgnoreCase(j.path("body").path("contentType").asText())) {
            j.putObject("body").put("contentType", "text").put("content", preview(body));
        }
        if (!j.has("locations")) {
            ArrayNode locs = j.putArray("locations");
            if (j.path("location").hasNonNull("displayName")) {
                locs.add(j.get("location").deepCopy());
            }
        }
        return j;
    }

    private static String preview(String html) {
        return html.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
    }

    /** dateTimeTimeZone in the response zone; all-day events stay at midnight in any zone, as Outlook shows them. */
    private static ObjectNode time(LocalDateTime local, EventItem e, ZoneId out) {
        LocalDateTime shown = e.allDay ? local : local.atZone(e.zone).withZoneSameInstant(out).toLocalDateTime();
        ObjectNode t = Json.obj();
        t.put("dateTime", GRAPH_TIME.format(shown));
        t.put("timeZone", out.getId().equals("UTC") ? "UTC" : ZoneNames.windows(out));
        return t;
    }

    public static ObjectNode removed(String id) {
        return Json.removed("#microsoft.graph.event", id);
    }

    public static ObjectNode attachment(EventItem e, EventAttachment a, boolean withBytes) {
        byte[] bytes = a.bytes();
        ObjectNode j = Json.obj();
        j.put("@odata.type", "#microsoft.graph.fileAttachment");
        j.put("@odata.mediaContentType", a.contentType());
        j.put("id", a.id());
        j.put("lastModifiedDateTime", e.modified.toString());
        j.put("name", a.name());
        j.put("contentType", a.contentType());
        j.put("size", bytes.length);
        j.put("isInline", false);
        j.putNull("contentId");
        j.putNull("contentLocation");
        if (withBytes) {
            j.put("contentBytes", Base64.getEncoder().encodeToString(bytes));
        }
        return j;
    }
}
