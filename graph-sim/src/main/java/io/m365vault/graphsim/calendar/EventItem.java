package io.m365vault.graphsim.calendar;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.model.TrackedBase;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A stored event: a single instance, a series master, or an exception of a series (a changed
 * occurrence, kept under the occurrence's id). Occurrences are not stored: they are expanded from
 * the master's recurrence when a view asks for them. Times are local to {@link #zone}, as
 * Outlook keeps them, so a series keeps its wall-clock time across daylight saving changes.
 */
public final class EventItem extends TrackedBase {
    public enum Kind { SINGLE, MASTER, EXCEPTION }

    /** A series' earlier recurrence and times, replaced at change number {@code seq}: its occurrences are gone from then on. */
    public record Superseded(Recurrence recurrence, LocalDateTime start, ZoneId zone, Duration duration, long seq) {
    }

    public final String calendarId;
    public final Kind kind;
    public final Instant created;
    public Instant modified;
    /** Client-visible properties other than ids, times, type and recurrence: subject, body, location, attendees... */
    public ObjectNode fields;
    public LocalDateTime start;
    public LocalDateTime end;
    public ZoneId zone;
    public boolean allDay;
    public Recurrence recurrence;
    /** For an exception: its series and the start the occurrence had before it changed. */
    public String seriesMasterId;
    public LocalDateTime originalStart;
    /** For a master: cancelled occurrence dates with the change number of the cancellation. */
    public final TreeMap<LocalDate, Long> cancelled = new TreeMap<>();
    /** For a master: exceptions by original date. */
    public final TreeMap<LocalDate, EventItem> exceptions = new TreeMap<>();
    public List<EventAttachment> attachments = new ArrayList<>();
    /** For a master: the versions of its recurrence and times it had before, so a view can report their occurrences removed. */
    public final List<Superseded> superseded = new ArrayList<>();

    public EventItem(String id, String calendarId, Kind kind, Instant created, long seq) {
        super(id, seq);
        this.calendarId = calendarId;
        this.kind = kind;
        this.created = created;
        this.modified = created;
    }

    public Instant startInstant() {
        return start.atZone(zone).toInstant();
    }

    public Instant endInstant() {
        return end.atZone(zone).toInstant();
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    public String subject() {
        return fields.path("subject").asText("");
    }
}
