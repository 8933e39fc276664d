package io.m365vault.backup.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.backup.ChildListings;
import io.m365vault.backup.Collection;
import io.m365vault.backup.CollectionSync;
import io.m365vault.backup.Json;
import io.m365vault.backup.SyncContext;
import io.m365vault.backup.WorkloadSync;
import io.m365vault.graph.DeltaExpiredException;
import io.m365vault.graph.DeltaPager;
import io.m365vault.graph.GraphNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calendars: every calendar, its single events and series masters (with their recurrence, their
 * exceptions expanded and their cancelled occurrences), and the attachments of events that
 * changed. A calendar is listed whole on its first run and once a week ({@link CalendarView});
 * in between, its calendar view's delta names what changed, and only that is fetched. A deleted
 * calendar closes with its events and their attachments.
 */
public final class CalendarSync implements WorkloadSync {
    private static final Logger LOG = LoggerFactory.getLogger(CalendarSync.class);
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
        ChildListings attachments = attachments(ctx, base, pager);
        for (JsonNode calendar : calendars) {
            String cal = calendar.get("id").asText();
            Collection events = Collection.listing(EVENTS + cal, base + "/calendars/" + Json.seg(cal) + "/events", new EventShape(), cal);
            CalendarView view = new CalendarView(ctx, cal);
            if (!view.relistDue()) {
                try {
                    attachments.written(sync, incremental(ctx, sync, events, view.changes()));
                    continue;
                } catch (DeltaExpiredException e) {
                    LOG.warn("calendar view expired, listing the calendar run={} item={} calendar={}: {}",
                            ctx.runId(), ctx.item(), cal, e.getMessage());
                }
            }
            List<JsonNode> all = new ArrayList<>();
            for (JsonNode e : pager.all(events.url())) {
                all.add("seriesMaster".equals(Json.text(e, "type")) ? withOccurrences(ctx, base, e.get("id").asText()) : e);
            }
            List<CollectionSync.Written> written = sync.replaceAll(events, all);
            // Until a listing has finished, an unchanged event may be one whose attachments a run that died never read.
            attachments.written(sync, view.opened() ? written : withUnchanged(all, written));
            view.open();
        }
        attachments.retryFailed(sync);
    }

    @Override
    public List<String> stateKeysOf(String containerId) {
        return List.of(CalendarView.key(containerId));
    }

    /** Fetches what the view named: a single event that is gone closes, a master that is gone closes with its exceptions. */
    private static List<CollectionSync.Written> incremental(SyncContext ctx, CollectionSync sync, Collection events,
                                                            CalendarView.Changes changes) throws IOException {
        String base = ctx.base();
        List<JsonNode> changed = new ArrayList<>();
        for (String id : changes.events()) {
            try {
                JsonNode e = ctx.graph().get(base + "/events/" + Json.seg(id));
                changed.add("seriesMaster".equals(Json.text(e, "type")) ? withOccurrences(ctx, base, id) : e);
            } catch (GraphNotFoundException gone) {
                sync.close(id);
            }
        }
        for (String id : changes.masters()) {
            try {
                changed.add(withOccurrences(ctx, base, id));
            } catch (GraphNotFoundException gone) {
                sync.close(id);
            }
        }
        return sync.update(events, changed);
    }

    /** A series master as Graph gives it, plus its exceptions and the dates of cancelled occurrences. */
    private static JsonNode withOccurrences(SyncContext ctx, String base, String master) throws IOException {
        String path = base + "/events/" + Json.seg(master);
        ObjectNode full = (ObjectNode) ctx.graph().get(path + "?$expand=exceptionOccurrences");
        JsonNode cancelled = ctx.graph().get(path + "?$select=id,cancelledOccurrences").get("cancelledOccurrences");
        if (cancelled != null) {
            full.set("cancelledOccurrences", cancelled);
        }
        full.remove("@odata.context");
        return full;
    }

    /** The events written, and every other listed event as if new: its attachments are listed whatever is stored. */
    private static List<CollectionSync.Written> withUnchanged(List<JsonNode> listed, List<CollectionSync.Written> written) {
        Set<String> ids = new HashSet<>();
        written.forEach(w -> ids.add(w.item().get("id").asText()));
        List<CollectionSync.Written> all = new ArrayList<>(written);
        for (JsonNode e : listed) {
            if (!ids.contains(e.get("id").asText())) {
                all.add(new CollectionSync.Written(e.get("id").asText(), e, null));
            }
        }
        return all;
    }

    /** The attachments of events written that have or had any, a series' exceptions' with their master's. */
    private static ChildListings attachments(SyncContext ctx, String base, DeltaPager pager) {
        return new ChildListings(ctx, ATTACHMENTS, new ChildListings.Children() {
            @Override
            public Collection collection(String event) {
                return Collection.listing(ATTACHMENTS + event, list(event), new EventAttachmentShape(base, event), event);
            }

            @Override
            public boolean has(JsonNode event) {
                if (event.path("hasAttachments").asBoolean(false)) {
                    return true;
                }
                for (JsonNode x : event.path("exceptionOccurrences")) {
                    if (x.path("hasAttachments").asBoolean(false)) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public List<JsonNode> list(String event, JsonNode item) throws IOException {
                List<JsonNode> out = new ArrayList<>();
                if (item.path("hasAttachments").asBoolean(false)) {
                    out.addAll(pager.all(list(event) + "?" + EventAttachmentShape.FIELDS));
                }
                for (JsonNode x : item.path("exceptionOccurrences")) {
                    String exception = Json.text(x, "id");
                    if (exception != null && x.path("hasAttachments").asBoolean(false)) {
                        for (JsonNode a : pager.all(list(exception) + "?" + EventAttachmentShape.FIELDS)) {
                            out.add(((ObjectNode) a).put(EventAttachmentShape.EXCEPTION, exception));
                        }
                    }
                }
                return out;
            }

            private String list(String event) {
                return base + "/events/" + Json.seg(event) + "/attachments";
            }
        });
    }
}
