package io.m365vault.graphsim.calendar;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.model.Ids;
import io.m365vault.graphsim.model.SimClock;
import io.m365vault.graphsim.model.SimUser;
import io.m365vault.graphsim.model.TenantModel;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A user's calendars: the default one and a second, with single events, series with exceptions
 * and cancelled occurrences, all-day events and attachments, generated on first use. Callers
 * synchronize on the book around reads and writes.
 */
public final class CalendarBook {
    /** Where an occurrence id points: its series and original date. */
    private record OccurrenceRef(String masterId, LocalDate date) {
    }

    /** What an event id names: a stored event, or an occurrence (master + date) not stored on its own. */
    public record Found(EventItem stored, EventItem master, LocalDate date) {
    }

    public final SimUser owner;
    private final TenantModel tenant;
    public final Map<String, SimCalendar> calendars = new LinkedHashMap<>();
    public final SimCalendar defaultCalendar;
    private final Map<String, EventItem> byId = new HashMap<>();
    private final Map<String, OccurrenceRef> occurrences = new HashMap<>();

    public CalendarBook(TenantModel tenant, SimUser owner) {
        this.tenant = tenant;
        this.owner = owner;
        long seed = tenant.seed();
        defaultCalendar = new SimCalendar(Ids.outlook(seed, "calendar:" + owner.id + ":default"), "Calendar", true, "auto");
        SimCalendar second = new SimCalendar(Ids.outlook(seed, "calendar:" + owner.id + ":projects"), "Projects", false, "lightGreen");
        calendars.put(defaultCalendar.id, defaultCalendar);
        calendars.put(second.id, second);
        new EventGenerator(tenant, this).fill(defaultCalendar, second);
    }

    public SimCalendar calendar(String idOrDefault) {
        SimCalendar c = idOrDefault == null ? defaultCalendar : calendars.get(idOrDefault);
        if (c == null) {
            throw GraphError.itemNotFound();
        }
        return c;
    }

    /** A calendar a client made; Outlook answers 409 ErrorFolderExists for a name the mailbox has already. */
    public SimCalendar createCalendar(String name) {
        for (SimCalendar c : calendars.values()) {
            if (c.name.equalsIgnoreCase(name)) {
                throw new GraphError(409, "ErrorFolderExists", "A folder with the specified name already exists.");
            }
        }
        long seq = tenant.nextSeq();
        SimCalendar c = new SimCalendar(Ids.outlook(tenant.seed(), "newcalendar:" + owner.id + ":" + seq), name, false, "auto");
        calendars.put(c.id, c);
        return c;
    }

    /** The id Outlook gives the occurrence of a series on a date; remembered so the id resolves later. */
    public String occurrenceId(EventItem master, LocalDate date) {
        String id = Ids.outlook(tenant.seed(), "occurrence:" + master.id() + ":" + date);
        occurrences.putIfAbsent(id, new OccurrenceRef(master.id(), date));
        return id;
    }

    /** A live event or occurrence by id, or Outlook's 404. */
    public Found find(String id) {
        EventItem e = byId.get(id);
        if (e != null && !e.deleted()) {
            return new Found(e, e.kind == EventItem.Kind.EXCEPTION ? byId.get(e.seriesMasterId) : null,
                    e.originalStart == null ? null : e.originalStart.toLocalDate());
        }
        OccurrenceRef ref = occurrences.get(id);
        if (ref != null) {
            EventItem master = byId.get(ref.masterId);
            if (master != null && !master.deleted() && !master.cancelled.containsKey(ref.date) && !master.exceptions.containsKey(ref.date)) {
                return new Found(null, master, ref.date);
            }
        }
        throw GraphError.itemNotFound();
    }

    /** Live singles and masters of a calendar: what /events lists (occurrences and exceptions are not listed there). */
    public List<EventItem> listed(SimCalendar cal) {
        List<EventItem> out = new ArrayList<>();
        for (EventItem e : cal.events.values()) {
            if (!e.deleted() && e.kind != EventItem.Kind.EXCEPTION) {
                out.add(e);
            }
        }
        return out;
    }

    /** Every live stored event of every calendar: singles, masters and exceptions. */
    public List<EventItem> live() {
        List<EventItem> out = new ArrayList<>();
        for (SimCalendar c : calendars.values()) {
            for (EventItem e : c.events.values()) {
                if (!e.deleted()) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** Stores a generated event (change number 0) or a new one (next change number). */
    EventItem add(SimCalendar cal, String id, EventItem.Kind kind, long seq) {
        EventItem e = new EventItem(id, cal.id, kind, seq == 0 ? SimClock.NOW.minusSeconds(86_400L * 90) : SimClock.atChange(seq), seq);
        cal.events.put(id, e);
        byId.put(id, e);
        return e;
    }

    /** A new event, stored only once {@code init} (which may reject the client's JSON) has filled it. */
    public EventItem create(SimCalendar cal, boolean recurring, Consumer<EventItem> init) {
        long seq = tenant.nextSeq();
        String id = Ids.outlook(tenant.seed(), "newevent:" + owner.id + ":" + seq);
        EventItem e = new EventItem(id, cal.id, recurring ? EventItem.Kind.MASTER : EventItem.Kind.SINGLE, SimClock.atChange(seq), seq);
        init.accept(e);
        if (!e.fields().has("organizer")) {
            e.editableFields().set("organizer", ownerAddress());
        }
        cal.events.put(id, e);
        byId.put(id, e);
        return e;
    }

    /** Turns one occurrence into an exception, keeping the occurrence's id; {@code seq} 0 for generated ones. */
    public EventItem exception(EventItem master, LocalDate date, long seq) {
        EventItem ex = add(calendars.get(master.calendarId), occurrenceId(master, date), EventItem.Kind.EXCEPTION, seq);
        master.exceptions.put(date, ex);
        return copyOccurrence(master, date, ex);
    }

    private EventItem copyOccurrence(EventItem master, LocalDate date, EventItem ex) {
        ex.setFields(master.fields().deepCopy());
        ex.zone = master.zone;
        ex.allDay = master.allDay;
        ex.start = LocalDateTime.of(date, master.start.toLocalTime());
        ex.end = ex.start.plus(master.duration());
        ex.originalStart = ex.start;
        ex.seriesMasterId = master.id();
        // Exchange copies the series' attachments into an exception, each a copy with an id of its own.
        ex.attachments = master.attachments.stream()
                .map(a -> a.withId(Ids.outlook(tenant.seed(), "exceptionattachment:" + ex.id() + ":" + a.id()))).toList();
        return ex;
    }

    /**
     * A client's change to one occurrence: tried on a detached copy first, so a rejected change
     * leaves the series untouched; then the occurrence becomes an exception with that change.
     */
    public EventItem changeOccurrence(EventItem master, LocalDate date, Consumer<EventItem> change) {
        EventItem draft = new EventItem(occurrenceId(master, date), master.calendarId, EventItem.Kind.EXCEPTION, master.created, 0);
        change.accept(copyOccurrence(master, date, draft));
        EventItem ex = exception(master, date);
        change.accept(ex);
        return ex;
    }

    /**
     * A client's change to a stored event ({@code change} checks before it changes anything). A series
     * whose recurrence or times changed remembers the old version, whose occurrences are then gone.
     */
    public EventItem change(EventItem e, Consumer<EventItem> change) {
        EventItem.Superseded before = new EventItem.Superseded(e.recurrence, e.start, e.zone, e.duration(), 0);
        change.accept(e);
        edit(e);
        if (e.kind == EventItem.Kind.MASTER && (!before.recurrence().equals(e.recurrence) || !before.start().equals(e.start)
                || !before.zone().equals(e.zone) || !before.duration().equals(e.duration()))) {
            e.superseded.add(new EventItem.Superseded(before.recurrence(), before.start(), before.zone(), before.duration(), e.seq()));
        }
        return e;
    }

    public EventItem exception(EventItem master, LocalDate date) {
        return exception(master, date, tenant.nextSeq());
    }

    public void edit(EventItem e) {
        long seq = tenant.nextSeq();
        e.touch(seq);
        e.modified = SimClock.atChange(seq);
    }

    public void cancel(EventItem master, LocalDate date) {
        master.cancelled.put(date, tenant.nextSeq());
    }

    /** Deletes a single event, a whole series, or one exception (which cancels that occurrence). */
    public void delete(EventItem e) {
        long seq = tenant.nextSeq();
        e.markDeleted(seq);
        if (e.kind == EventItem.Kind.MASTER) {
            e.exceptions.values().forEach(x -> x.markDeleted(seq));
        } else if (e.kind == EventItem.Kind.EXCEPTION) {
            byId.get(e.seriesMasterId).cancelled.put(e.originalStart.toLocalDate(), seq);
        }
    }

    /** Deletes a calendar with its events; the default calendar cannot go (Graph answers 400). */
    public void delete(SimCalendar cal) {
        if (cal == defaultCalendar) {
            throw GraphError.badRequest("ErrorCannotDeleteObject", "The default calendar cannot be deleted.");
        }
        long seq = tenant.nextSeq();
        cal.events.values().forEach(e -> e.markDeleted(seq));
        calendars.remove(cal.id);
    }

    /** Removes one attachment of an event, which is a change of the event. */
    public void deleteAttachment(EventItem e, String attachmentId) {
        List<EventAttachment> left = e.attachments.stream().filter(a -> !a.id().equals(attachmentId)).toList();
        if (left.size() == e.attachments.size()) {
            throw GraphError.itemNotFound();
        }
        e.attachments = left;
        edit(e);
    }

    public ObjectNode ownerAddress() {
        return io.m365vault.graphsim.http.Json.emailAddress(owner.displayName, owner.address());
    }
}
