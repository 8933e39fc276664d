package io.m365vault.backup.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.backup.Collection;
import io.m365vault.backup.CollectionSync;
import io.m365vault.backup.Json;
import io.m365vault.backup.SyncContext;
import io.m365vault.backup.WorkloadSync;
import io.m365vault.graph.DeltaPager;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Calendars: every calendar, its single events and series masters (with their recurrence, their
 * exceptions expanded and their cancelled occurrences), and the attachments of events that
 * changed. A deleted calendar closes with its events and their attachments.
 */
public final class CalendarSync implements WorkloadSync {
    static final String CALENDARS = "calendars";
    static final String EVENTS = "events:";
    static final String ATTACHMENTS = "attachments:";

    @Override
    public void run(SyncContext ctx) throws IOException {
        String base = ctx.base();
        DeltaPager pager = new DeltaPager(ctx.graph());
        CollectionSync sync = new CollectionSync(ctx);
        List<JsonNode> calendars = pager.all(base + "/calendars");
        sync.replaceAll(Collection.listing(CALENDARS, base + "/calendars", new CalendarShape(), null), calendars);
        EventShape shape = new EventShape();
        for (JsonNode calendar : calendars) {
            String cal = calendar.get("id").asText();
            List<JsonNode> events = new ArrayList<>();
            for (JsonNode e : pager.all(base + "/calendars/" + Json.seg(cal) + "/events")) {
                events.add("seriesMaster".equals(Json.text(e, "type")) ? withOccurrences(ctx, base, e) : e);
            }
            List<CollectionSync.Written> changed = sync.replaceAll(
                    Collection.listing(EVENTS + cal, base + "/calendars/" + Json.seg(cal) + "/events", shape, cal), events);
            attachments(ctx, sync, pager, changed);
        }
    }

    /** A series master as Graph gives it, plus its exceptions and the dates of cancelled occurrences. */
    static JsonNode withOccurrences(SyncContext ctx, String base, JsonNode master) throws IOException {
        String path = base + "/events/" + Json.seg(master.get("id").asText());
        ObjectNode full = (ObjectNode) ctx.graph().get(path + "?$expand=exceptionOccurrences");
        JsonNode cancelled = ctx.graph().get(path + "?$select=id,cancelledOccurrences").get("cancelledOccurrences");
        if (cancelled != null) {
            full.set("cancelledOccurrences", cancelled);
        }
        full.remove("@odata.context");
        return full;
    }

    /** The attachments of events that changed and have or had any: those no longer there close. */
    static void attachments(SyncContext ctx, CollectionSync sync, DeltaPager pager, List<CollectionSync.Written> changed) throws IOException {
        String base = ctx.base();
        for (CollectionSync.Written w : changed) {
            boolean had = w.previous() != null && Json.read(w.previous().metadata()).path("hasAttachments").asBoolean(false);
            boolean has = w.item().path("hasAttachments").asBoolean(false);
            if (!has && !had) {
                continue;
            }
            String event = w.item().get("id").asText();
            String list = base + "/events/" + Json.seg(event) + "/attachments";
            List<JsonNode> attachments = has ? pager.all(list + "?" + EventAttachmentShape.FIELDS) : List.of();
            sync.replaceAll(Collection.listing(ATTACHMENTS + event, list, new EventAttachmentShape(base, event), event), attachments);
        }
    }
}
