package io.m365vault.graphsim.calendar;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.control.SnapshotSource;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.model.Hashes;
import io.m365vault.graphsim.model.TenantModel;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * Every live stored event: singles, series masters (with a recurrence summary and cancelled
 * dates) and exceptions. Times are UTC instants, all-day ones local dates.
 */
public final class EventSnapshot implements SnapshotSource {
    private final TenantModel tenant;

    public EventSnapshot(TenantModel tenant) {
        this.tenant = tenant;
    }

    @Override
    public String workload() {
        return "events";
    }

    @Override
    public ArrayNode items(String owner) {
        ArrayNode out = Json.arr();
        if (!tenant.directory().hasMailbox(owner)) {
            return out;
        }
        CalendarBook b = tenant.calendars(owner);
        synchronized (b) {
            for (EventItem e : b.live()) {
                ObjectNode j = out.addObject();
                j.put("id", e.id());
                j.put("calendar", b.calendars.get(e.calendarId).name);
                j.put("type", switch (e.kind) {
                    case SINGLE -> "singleInstance";
                    case MASTER -> "seriesMaster";
                    case EXCEPTION -> "exception";
                });
                j.put("subject", e.subject());
                j.put("bodySha256", Hashes.sha256(e.fields().path("body").path("content").asText("").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                j.put("isAllDay", e.allDay);
                j.put("start", time(e, e.start));
                j.put("end", time(e, e.end));
                j.put("timeZone", ZoneNames.windows(e.zone));
                j.put("recurrence", e.recurrence == null || e.kind != EventItem.Kind.MASTER ? null : e.recurrence.summary());
                ArrayNode cancelled = j.putArray("cancelled");
                e.cancelled.keySet().forEach(d -> cancelled.add(d.toString()));
                j.put("seriesMasterId", e.seriesMasterId);
                j.put("originalStart", e.originalStart == null ? null : time(e, e.originalStart));
                // Who the event invites: a restore must invite no one, so its copies show none.
                ArrayNode attendees = j.putArray("attendees");
                e.fields().path("attendees").forEach(a -> attendees.add(a.path("emailAddress").path("address").asText()));
                ArrayNode atts = j.putArray("attachments");
                for (EventAttachment a : e.attachments) {
                    atts.addObject().put("name", a.name()).put("sha256", Hashes.sha256(a.bytes()));
                }
            }
        }
        return out;
    }

    /**
     * What a calendar view of [from, to) shows in every calendar of the owner: the instances
     * (singles, occurrences, exceptions) a backup of calendarView/delta should hold.
     */
    public ArrayNode instances(String owner, Instant from, Instant to) {
        ArrayNode out = Json.arr();
        CalendarBook b = tenant.calendars(owner);
        synchronized (b) {
            for (SimCalendar c : b.calendars.values()) {
                for (EventInstance i : CalendarView.instances(b, c, from, to).values()) {
                    if (!i.deleted()) {
                        ObjectNode j = out.addObject();
                        j.put("id", i.id());
                        j.put("calendar", c.name);
                        j.put("type", i.type());
                        j.put("subject", i.source().subject());
                        j.put("start", time(i.source(), i.start()));
                        j.put("end", time(i.source(), i.start().plus(i.source().duration())));
                        j.put("seriesMasterId", i.type().equals("singleInstance") ? null
                                : i.source().seriesMasterId != null ? i.source().seriesMasterId : i.source().id());
                    }
                }
            }
        }
        return out;
    }

    private static String time(EventItem e, LocalDateTime t) {
        return e.allDay ? t.toLocalDate().toString() : t.atZone(e.zone).toInstant().toString();
    }
}
