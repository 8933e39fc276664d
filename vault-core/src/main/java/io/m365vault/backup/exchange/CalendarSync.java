package io.m365vault.backup.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.backup.Collection;
import io.m365vault.backup.CollectionSync;
import io.m365vault.backup.FailedItems;
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
import java.util.TreeSet;
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
        Set<String> attachmentsTried = new HashSet<>();
        for (JsonNode calendar : calendars) {
            String cal = calendar.get("id").asText();
            Collection events = Collection.listing(EVENTS + cal, base + "/calendars/" + Json.seg(cal) + "/events", new EventShape(), cal);
            CalendarView view = new CalendarView(ctx, cal);
            if (!view.relistDue()) {
                try {
                    attachmentsTried.addAll(incremental(ctx, sync, pager, events, view.changes()));
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
            attachmentsTried.addAll(attachments(ctx, sync, pager, view.opened() ? written : withUnchanged(all, written)));
            view.open();
        }
        retryFailedAttachments(ctx, sync, pager, attachmentsTried);
    }

    /**
     * Attachments that failed in an earlier run, of events that did not change since (and so were
     * not read again above): their events' attachments are listed again, from the stored event.
     */
    private static void retryFailedAttachments(SyncContext ctx, CollectionSync sync, DeltaPager pager, Set<String> read) throws IOException {
        Set<String> events = new TreeSet<>();
        for (FailedItems.Row r : ctx.failed().rows()) {
            if (r.collection().startsWith(ATTACHMENTS) && !read.contains(r.collection().substring(ATTACHMENTS.length()))) {
                events.add(r.collection().substring(ATTACHMENTS.length()));
            }
        }
        List<CollectionSync.Written> again = new ArrayList<>();
        for (String event : events) {
            ctx.repo().catalog().current(ctx.partition(), event).ifPresentOrElse(
                    e -> again.add(new CollectionSync.Written(Json.read(e.metadata()), e)),
                    () -> ctx.failed().of(ATTACHMENTS + event).forEach(r -> ctx.failed().cleared(ctx.session(), r.collection(), r.itemId())));
        }
        attachments(ctx, sync, pager, again);
    }

    @Override
    public List<String> stateKeysOf(String containerId) {
        return List.of(CalendarView.key(containerId));
    }

    /** Fetches what the view named: a single event that is gone closes, a master that is gone closes with its exceptions. */
    private static Set<String> incremental(SyncContext ctx, CollectionSync sync, DeltaPager pager, Collection events,
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
        return attachments(ctx, sync, pager, sync.update(events, changed));
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
                all.add(new CollectionSync.Written(e, null));
            }
        }
        return all;
    }

    /** The attachments of events that changed and have or had any: those no longer there close. Returns the events tried. */
    private static Set<String> attachments(SyncContext ctx, CollectionSync sync, DeltaPager pager, List<CollectionSync.Written> changed)
            throws IOException {
        String base = ctx.base();
        Set<String> read = new HashSet<>();
        for (CollectionSync.Written w : changed) {
            boolean had = w.previous() != null && Json.read(w.previous().metadata()).path("hasAttachments").asBoolean(false);
            boolean has = w.item().path("hasAttachments").asBoolean(false);
            if (!has && !had) {
                continue;
            }
            String event = w.item().get("id").asText();
            String list = base + "/events/" + Json.seg(event) + "/attachments";
            Collection collection = Collection.listing(ATTACHMENTS + event, list, new EventAttachmentShape(base, event), event);
            // Tried this run, whatever comes of it: the retry of earlier failures must not take it for an event gone.
            read.add(event);
            List<JsonNode> attachments;
            try {
                attachments = has ? pager.all(list + "?" + EventAttachmentShape.FIELDS) : List.of();
            } catch (IOException e) {
                // One event's attachments that cannot be listed cost only them: retried next run from the stored event.
                sync.fault(collection, event, "attachments not listed: " + e.getMessage());
                continue;
            }
            sync.replaceAll(collection, attachments);
        }
        return read;
    }
}
