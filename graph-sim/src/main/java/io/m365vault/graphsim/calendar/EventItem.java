package io.m365vault.graphsim.calendar;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.model.TrackedBase;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Supplier;

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
    /** Client-visible properties other than ids, times, type and recurrence, once a client or a mutation set them. */
    private ObjectNode fields;
    /** Until then: generated from the seed on each read, which keeps 10,000 calendars small. */
    private Supplier<ObjectNode> generated;
    public LocalDateTime start;
    public LocalDateTime end;
    public ZoneId zone;
    public boolean allDay;
    public Recurrence recurrence;
    /** For an exception: its series and the start the occurrence had before it changed. */
    public String seriesMasterId;
    public LocalDateTime originalStart;
    // Series bookkeeping exists for masters only; other events share empty ones (10,000 calendars stay small).
    /** For a master: cancelled occurrence dates with the change number of the cancellation. */
    public final NavigableMap<LocalDate, Long> cancelled;
    /** For a master: exceptions by original date. */
    public final NavigableMap<LocalDate, EventItem> exceptions;
    /** Replaced as a whole on change, never changed in place. */
    public List<EventAttachment> attachments = List.of();
    /** For a master: the versions of its recurrence and times it had before, so a view can report their occurrences removed. */
    public final List<Superseded> superseded;

    public EventItem(String id, String calendarId, Kind kind, Instant created, long seq) {
        super(id, seq);
        this.calendarId = calendarId;
        this.kind = kind;
        this.created = created;
        this.modified = created;
        boolean master = kind == Kind.MASTER;
        this.cancelled = master ? new TreeMap<>() : Collections.emptyNavigableMap();
        this.exceptions = master ? new TreeMap<>() : Collections.emptyNavigableMap();
        this.superseded = master ? new ArrayList<>() : List.of();
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

    /** Subject, body, location, attendees... for reading (empty for a new event not yet filled). */
    public ObjectNode fields() {
        return fields != null ? fields : generated != null ? generated.get() : io.m365vault.graphsim.http.Json.obj();
    }

    /** The same, kept from now on so changes to it stay. */
    public ObjectNode editableFields() {
        if (fields == null) {
            fields = fields();
            generated = null;
        }
        return fields;
    }

    public void setFields(ObjectNode f) {
        fields = f;
        generated = null;
    }

    public void generateFields(Supplier<ObjectNode> g) {
        generated = g;
        fields = null;
    }

    public String subject() {
        return fields().path("subject").asText("");
    }
}
