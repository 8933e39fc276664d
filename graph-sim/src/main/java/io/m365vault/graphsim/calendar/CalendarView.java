package io.m365vault.graphsim.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.TreeMap;

/**
 * Expands a calendar into the instances a window [start, end) overlaps: single events,
 * occurrences of series, exceptions. Tombstones (deleted events, cancelled occurrences, events
 * moved out of the window) come along so a delta round can report them as removed.
 */
public final class CalendarView {
    private CalendarView() {
    }

    public static TreeMap<String, EventInstance> instances(CalendarBook book, SimCalendar cal, Instant from, Instant to) {
        TreeMap<String, EventInstance> out = new TreeMap<>();
        for (EventItem e : cal.events.values()) {
            switch (e.kind) {
                case SINGLE -> out.put(e.id(), new EventInstance(e.id(), e.seq(), e.deleted() || !overlaps(e.startInstant(), e.endInstant(), from, to),
                        e, "singleInstance", e.start, null));
                case MASTER -> series(book, e, from, to, out);
                case EXCEPTION -> { }
            }
        }
        return out;
    }

    /** The occurrences and exceptions of one series in the window; {@code to} bounds the expansion. */
    public static void series(CalendarBook book, EventItem master, Instant from, Instant to, Map<String, EventInstance> out) {
        LocalDate until = LocalDateTime.ofInstant(to, master.zone).toLocalDate().plusDays(1);
        for (LocalDate d : master.recurrence.dates(until)) {
            LocalDateTime start = LocalDateTime.of(d, master.start.toLocalTime());
            LocalDateTime end = start.plus(master.duration());
            boolean inWindow = overlaps(start.atZone(master.zone).toInstant(), end.atZone(master.zone).toInstant(), from, to);
            String id = book.occurrenceId(master, d);
            Long cancelledAt = master.cancelled.get(d);
            EventItem ex = master.exceptions.get(d);
            if (ex != null && !ex.deleted()) {
                boolean exIn = overlaps(ex.startInstant(), ex.endInstant(), from, to);
                if (exIn || inWindow) {
                    long seq = master.deleted() ? master.seq() : ex.seq();
                    out.put(id, new EventInstance(id, seq, master.deleted() || !exIn, ex, "exception", ex.start, start));
                }
            } else if (cancelledAt != null) {
                if (inWindow) {
                    out.put(id, new EventInstance(id, Math.max(cancelledAt, master.seq()), true, master, "occurrence", start, start));
                }
            } else if (inWindow) {
                out.put(id, new EventInstance(id, master.seq(), master.deleted(), master, "occurrence", start, start));
            }
        }
        removedBySeriesChanges(book, master, from, to, out);
    }

    /** Occurrences an earlier version of the series had in the window and the current one does not: removed. */
    private static void removedBySeriesChanges(CalendarBook book, EventItem master, Instant from, Instant to, Map<String, EventInstance> out) {
        for (EventItem.Superseded old : master.superseded) {
            LocalDate until = LocalDateTime.ofInstant(to, old.zone()).toLocalDate().plusDays(1);
            for (LocalDate d : old.recurrence().dates(until)) {
                LocalDateTime start = LocalDateTime.of(d, old.start().toLocalTime());
                String id = book.occurrenceId(master, d);
                if (!out.containsKey(id) && overlaps(start.atZone(old.zone()).toInstant(), start.plus(old.duration()).atZone(old.zone()).toInstant(), from, to)) {
                    out.put(id, new EventInstance(id, old.seq(), true, master, "occurrence", start, start));
                }
            }
        }
    }

    static boolean overlaps(Instant s, Instant e, Instant from, Instant to) {
        // A zero-length event at the window's start still shows, as in Outlook.
        return s.isBefore(to) && (e.isAfter(from) || s.equals(from));
    }
}
