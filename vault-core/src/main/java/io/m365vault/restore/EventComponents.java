package io.m365vault.restore;

import biweekly.component.VAlarm;
import biweekly.component.VEvent;
import biweekly.io.TimezoneInfo;
import biweekly.parameter.CalendarUserType;
import biweekly.parameter.ParticipationLevel;
import biweekly.parameter.ParticipationStatus;
import biweekly.property.Attendee;
import biweekly.property.Classification;
import biweekly.property.DateEnd;
import biweekly.property.DateStart;
import biweekly.property.ExceptionDates;
import biweekly.property.ICalProperty;
import biweekly.property.Organizer;
import biweekly.property.RecurrenceId;
import biweekly.property.Status;
import biweekly.property.Transparency;
import biweekly.property.Trigger;
import biweekly.util.Duration;
import biweekly.util.Recurrence;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * Graph event JSON as VEVENTs of one calendar: times in the event's zone (with its VTIMEZONE),
 * RRULE from the recurrence, EXDATE for cancelled occurrences, RECURRENCE-ID on exceptions, the
 * organizer and attendees with role and answer, location, body, categories, reminder, free/busy,
 * sensitivity and importance. Date properties are given their zone through the calendar's
 * {@link TimezoneInfo}, which is how biweekly writes TZID and VTIMEZONE.
 */
final class EventComponents {
    private final TimezoneInfo tzInfo;
    private final VTimezones zones;
    private final Instant stamp;

    EventComponents(TimezoneInfo tzInfo, VTimezones zones, Instant stamp) {
        this.tzInfo = tzInfo;
        this.zones = zones;
        this.stamp = stamp;
    }

    /** A single event, or a series master with its rule and its cancelled days. */
    VEvent event(JsonNode ev, EventTimes times, Collection<Instant> cancelled) {
        VEvent v = common(ev, times);
        JsonNode recurrence = ev.path("recurrence");
        if (recurrence.isObject()) {
            Recurrence rule = GraphRecurrence.rule(recurrence, times.zone(), times.allDay());
            if (rule != null) {
                v.setRecurrenceRule(rule);
            }
        }
        if (!cancelled.isEmpty()) {
            ExceptionDates ex = new ExceptionDates();
            cancelled.stream().sorted().forEach(t -> ex.getValues().add(times.value(t)));
            v.addExceptionDates(zoned(ex, times));
        }
        return v;
    }

    /**
     * An exception of a series: its own details, keyed to the occurrence it replaces. It takes the
     * master's UID, as RFC 5545 requires; Graph gives each instance an iCalUId of its own.
     */
    VEvent exception(JsonNode ex, VEvent master, EventTimes series, Instant originalStart) {
        VEvent v = common(ex, EventTimes.of(ex));
        v.setUid(master.getUid().getValue());
        v.setRecurrenceId(zoned(new RecurrenceId(series.value(originalStart)), series));
        return v;
    }

    private VEvent common(JsonNode ev, EventTimes times) {
        VEvent v = new VEvent();
        String uid = GraphJson.text(ev, "iCalUId");
        v.setUid(uid != null ? uid : GraphJson.text(ev, "id"));
        String modified = GraphJson.text(ev, "lastModifiedDateTime");
        v.setDateTimeStamp(Date.from(modified != null ? EventTimes.instant(modified) : stamp));
        if (modified != null) {
            v.setLastModified(Date.from(EventTimes.instant(modified)));
        }
        String created = GraphJson.text(ev, "createdDateTime");
        if (created != null) {
            v.setCreated(Date.from(EventTimes.instant(created)));
        }
        if (times.allDay()) {
            v.setDateStart(new DateStart(EventTimes.date(times.startDate())));
            v.setDateEnd(new DateEnd(EventTimes.date(times.endDate().isAfter(times.startDate())
                    ? times.endDate() : times.startDate().plusDays(1))));
        } else {
            v.setDateStart(zoned(new DateStart(Date.from(times.start()), true), times));
            v.setDateEnd(zoned(new DateEnd(Date.from(times.end()), true), times));
        }
        v.setSummary(GraphJson.text(ev, "subject"));
        String location = GraphJson.text(ev, "location", "displayName");
        if (location != null) {
            v.setLocation(location);
        }
        String body = HtmlText.body(ev);
        if (body != null) {
            v.setDescription(body);
        }
        people(v, ev);
        List<String> categories = new ArrayList<>();
        ev.path("categories").forEach(c -> categories.add(c.asText()));
        if (!categories.isEmpty()) {
            v.addCategories(categories);
        }
        if (GraphJson.bool(ev, "isCancelled")) {
            v.setStatus(Status.cancelled());
        }
        String showAs = GraphJson.text(ev, "showAs");
        if (showAs != null) {
            v.setTransparency("free".equals(showAs) ? Transparency.transparent() : Transparency.opaque());
            v.setExperimentalProperty("X-MICROSOFT-CDO-BUSYSTATUS", showAs.toUpperCase(java.util.Locale.ROOT));
        }
        switch (String.valueOf(GraphJson.text(ev, "sensitivity"))) {
            case "private" -> v.setClassification(Classification.private_());
            case "confidential" -> v.setClassification(Classification.confidential());
            default -> { }
        }
        switch (String.valueOf(GraphJson.text(ev, "importance"))) {
            case "high" -> v.setPriority(1);
            case "low" -> v.setPriority(9);
            default -> { }
        }
        String url = GraphJson.text(ev, "onlineMeeting", "joinUrl");
        if (url == null) {
            url = GraphJson.text(ev, "onlineMeetingUrl");
        }
        if (url != null) {
            v.setUrl(url);
        }
        if (GraphJson.bool(ev, "isReminderOn")) {
            int minutes = ev.path("reminderMinutesBeforeStart").asInt(15);
            v.addAlarm(VAlarm.display(new Trigger(Duration.builder().prior(true).minutes(minutes).build(), null),
                    v.getSummary() == null ? "Reminder" : v.getSummary().getValue()));
        }
        return v;
    }

    private static void people(VEvent v, JsonNode ev) {
        String orgAddress = GraphJson.text(ev, "organizer", "emailAddress", "address");
        if (orgAddress != null) {
            v.setOrganizer(new Organizer(GraphJson.text(ev, "organizer", "emailAddress", "name"), orgAddress));
        }
        for (JsonNode a : ev.path("attendees")) {
            String address = GraphJson.text(a, "emailAddress", "address");
            if (address == null) {
                continue;
            }
            Attendee at = new Attendee(GraphJson.text(a, "emailAddress", "name"), address);
            switch (String.valueOf(GraphJson.text(a, "type"))) {
                case "optional" -> at.setParticipationLevel(ParticipationLevel.OPTIONAL);
                case "resource" -> {
                    at.setParticipationLevel(ParticipationLevel.FYI);
                    at.setCalendarUserType(CalendarUserType.RESOURCE);
                }
                default -> at.setParticipationLevel(ParticipationLevel.REQUIRED);
            }
            at.setParticipationStatus(switch (String.valueOf(GraphJson.text(a, "status", "response"))) {
                case "accepted", "organizer" -> ParticipationStatus.ACCEPTED;
                case "declined" -> ParticipationStatus.DECLINED;
                case "tentativelyAccepted" -> ParticipationStatus.TENTATIVE;
                default -> ParticipationStatus.NEEDS_ACTION;
            });
            v.addAttendee(at);
        }
    }

    /** Puts a date property in the series' zone; UTC times are written with 'Z' and need none. */
    private <P extends ICalProperty> P zoned(P property, EventTimes times) {
        if (!times.allDay() && !times.utc()) {
            tzInfo.setTimezone(property, zones.assignment(times.zone()));
        }
        return property;
    }
}
