package io.m365vault.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Calendars: every calendar, its single events and series masters (with their recurrence, their
 * exceptions expanded and their cancelled occurrences), and the attachments of events that have
 * any. Graph v1.0 offers a delta only over a calendar view (instances in a time window, not
 * series masters), so events are listed; an unchanged event costs no write and no download.
 */
public final class CalendarSync {
    static final String CALENDARS = "calendars";
    static final String EVENTS = "events:";
    static final String ATTACHMENTS = "attachments:";
    private static final String ATTACHMENT_FIELDS = "$select=id,name,contentType,size,isInline,lastModifiedDateTime";

    private final SyncContext ctx;

    public CalendarSync(SyncContext ctx) {
        this.ctx = ctx;
    }

    public void run() throws IOException {
        String user = "users/" + ctx.item().id();
        DeltaSync sync = new DeltaSync(ctx);
        List<JsonNode> calendars = list(user + "/calendars");
        sync.replaceAll(new DeltaCollection(CALENDARS, user + "/calendars", ItemKind.CALENDAR, null, null), calendars);
        for (JsonNode calendar : calendars) {
            String cal = calendar.get("id").asText();
            List<JsonNode> events = new ArrayList<>();
            for (JsonNode e : list(user + "/calendars/" + cal + "/events")) {
                events.add("seriesMaster".equals(DeltaSync.text(e, "type")) ? withOccurrences(user, e) : e);
            }
            sync.replaceAll(new DeltaCollection(EVENTS + cal, user + "/calendars/" + cal + "/events", ItemKind.EVENT, cal, null), events);
            for (JsonNode e : events) {
                if (e.path("hasAttachments").asBoolean(false)) {
                    attachments(sync, user, e.get("id").asText());
                }
            }
        }
    }

    /** A series master as Graph gives it, plus its exceptions and the dates of cancelled occurrences. */
    private JsonNode withOccurrences(String user, JsonNode master) throws IOException {
        String path = user + "/events/" + master.get("id").asText();
        ObjectNode full = (ObjectNode) ctx.graph().get(path + "?$expand=exceptionOccurrences");
        JsonNode cancelled = ctx.graph().get(path + "?$select=id,cancelledOccurrences").get("cancelledOccurrences");
        if (cancelled != null) {
            full.set("cancelledOccurrences", cancelled);
        }
        full.remove("@odata.context");
        return full;
    }

    private void attachments(DeltaSync sync, String user, String event) throws IOException {
        String base = user + "/events/" + event + "/attachments";
        DeltaCollection.ContentSource bytes = DeltaCollection.ContentSource.of(
                a -> base + "/" + a.get("id").asText() + "/$value", a -> true);
        sync.replaceAll(new DeltaCollection(ATTACHMENTS + event, base, ItemKind.EVENT_ATTACHMENT, event, bytes),
                list(base + "?" + ATTACHMENT_FIELDS));
    }

    private List<JsonNode> list(String url) throws IOException {
        return Listing.all(ctx.graph(), url);
    }
}
