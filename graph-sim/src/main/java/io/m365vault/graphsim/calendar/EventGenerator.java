package io.m365vault.graphsim.calendar;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.model.Ids;
import io.m365vault.graphsim.model.Names;
import io.m365vault.graphsim.model.Rng;
import io.m365vault.graphsim.model.SimClock;
import io.m365vault.graphsim.model.SimUser;
import io.m365vault.graphsim.model.TenantModel;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The events of a new mailbox, around the tenant's "now": a weekly series with a moved and a
 * cancelled occurrence, a daily series of a fixed count, a monthly series without end that
 * crosses a daylight saving change, all-day events, and single meetings, some with attachments.
 */
final class EventGenerator {
    private static final String[] ZONES = {"W. Europe Standard Time", "Pacific Standard Time", "Eastern Standard Time", "UTC"};
    private final TenantModel tenant;
    private final CalendarBook book;

    EventGenerator(TenantModel tenant, CalendarBook book) {
        this.tenant = tenant;
        this.book = book;
    }

    void fill(SimCalendar main, SimCalendar second) {
        int n = tenant.config().eventsPerCalendar;
        if (n == 0) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(SimClock.NOW, ZoneOffset.UTC);
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(8);
        EventItem weekly = series(main, "weekly", "Team sync", LocalDateTime.of(monday, LocalTime.of(10, 0)), 30, "W. Europe Standard Time",
                "{\"pattern\":{\"type\":\"weekly\",\"interval\":1,\"daysOfWeek\":[\"monday\",\"wednesday\"],\"firstDayOfWeek\":\"monday\"},"
                        + "\"range\":{\"type\":\"endDate\",\"startDate\":\"" + monday + "\",\"endDate\":\"" + monday.plusWeeks(16) + "\"}}");
        EventItem moved = book.exception(weekly, monday.plusWeeks(9), 0);
        moved.start = moved.start.plusHours(2);
        moved.end = moved.end.plusHours(2);
        Supplier<ObjectNode> series = generated("weekly", "Team sync", false);
        moved.generateFields(() -> series.get().put("subject", "Team sync (moved)"));
        // A file only this occurrence has: an exception's attachments are its own, not the series'.
        moved.attachments = List.of(EventAttachment.generated(Ids.outlook(tenant.seed(), "eventatt:" + moved.id() + ":0"), "moved-sync-notes.pdf",
                Rng.of(tenant.seed(), "event:" + book.owner.id + ":moved").nextLong(), 3_000));
        weekly.cancelled.put(monday.plusWeeks(10).plusDays(2), 0L);
        LocalDate daily = today.minusDays(5);
        series(main, "daily", "Stand-up", LocalDateTime.of(daily, LocalTime.of(9, 0)), 15, "Pacific Standard Time",
                "{\"pattern\":{\"type\":\"daily\",\"interval\":1},\"range\":{\"type\":\"numbered\",\"startDate\":\"" + daily + "\",\"numberOfOccurrences\":20}}");
        LocalDate monthly = LocalDate.of(today.getYear(), 1, 15);
        series(main, "monthly", "Monthly review", LocalDateTime.of(monthly, LocalTime.of(14, 0)), 60, "Eastern Standard Time",
                "{\"pattern\":{\"type\":\"absoluteMonthly\",\"interval\":1,\"dayOfMonth\":15},\"range\":{\"type\":\"noEnd\",\"startDate\":\"" + monthly + "\"}}");
        allDay(main, "holiday", "Public holiday", today.plusDays(10), 1);
        for (int i = 0; i < n; i++) {
            single(main, "main:" + i, i % 3 == 1);
        }
        allDay(second, "offsite", "Team offsite", today.plusDays(20), 3);
        for (int i = 0; i < n / 2; i++) {
            single(second, "second:" + i, false);
        }
    }

    /** A generated event whose properties come from their own seed, regenerated when read until something changes them. */
    private EventItem base(SimCalendar cal, String label, EventItem.Kind kind, String subject, boolean allDay) {
        EventItem e = book.add(cal, Ids.outlook(tenant.seed(), key(label)), kind, 0);
        e.generateFields(generated(label, subject, allDay));
        return e;
    }

    private String key(String label) {
        return "event:" + book.owner.id + ":" + label;
    }

    private Supplier<ObjectNode> generated(String label, String subject, boolean allDay) {
        long seed = Rng.seed(tenant.seed(), key(label) + ":fields");
        return () -> {
            ObjectNode f = fields(new SplittableRandom(seed), subject);
            if (allDay) {
                f.put("showAs", "free");
                f.putArray("attendees");
            }
            return f;
        };
    }

    private EventItem series(SimCalendar cal, String label, String subject, LocalDateTime start, int minutes, String zone, String recurrence) {
        EventItem e = base(cal, label, EventItem.Kind.MASTER, subject, false);
        e.zone = ZoneNames.parse(zone);
        e.start = start;
        e.end = start.plusMinutes(minutes);
        ObjectNode rec = (ObjectNode) Json.parse(recurrence.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ((ObjectNode) rec.get("range")).put("recurrenceTimeZone", zone);
        e.recurrence = Recurrence.parse(rec);
        return e;
    }

    private void allDay(SimCalendar cal, String label, String subject, LocalDate day, int days) {
        EventItem e = base(cal, label, EventItem.Kind.SINGLE, subject, true);
        e.allDay = true;
        e.zone = ZoneId.of("UTC");
        e.start = day.atStartOfDay();
        e.end = day.plusDays(days).atStartOfDay();
    }

    private void single(SimCalendar cal, String label, boolean withAttachments) {
        SplittableRandom r = Rng.of(tenant.seed(), "event:" + book.owner.id + ":" + label);
        String subject = capital(Rng.pick(r, Names.WORDS)) + " " + Rng.pick(r, Names.WORDS) + " meeting";
        EventItem e = base(cal, label, EventItem.Kind.SINGLE, subject, false);
        e.zone = ZoneNames.parse(Rng.pick(r, ZONES));
        e.start = LocalDate.ofInstant(SimClock.NOW, ZoneOffset.UTC).plusDays(r.nextInt(121) - 60).atTime(8 + r.nextInt(9), r.nextBoolean() ? 0 : 30);
        e.end = e.start.plusMinutes(30L * (1 + r.nextInt(3)));
        if (withAttachments) {
            int count = 1 + r.nextInt(2);
            List<EventAttachment> atts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String id = Ids.outlook(tenant.seed(), "eventatt:" + e.id() + ":" + i);
                atts.add(i == 0 ? EventAttachment.generated(id, "agenda-" + label.replace(':', '-') + ".pdf", r.nextLong(), 2_000 + r.nextInt(60_000))
                        : EventAttachment.generated(id, "figures.csv", r.nextLong(), 20 + r.nextInt(200)));
            }
            e.attachments = atts;
        }
    }

    ObjectNode fields(SplittableRandom r, String subject) {
        ObjectNode f = Json.obj();
        f.put("subject", subject);
        f.putObject("body").put("contentType", "html").put("content", "<html><body><p>" + Names.paragraph(r, 2) + "</p></body></html>");
        f.put("importance", r.nextInt(6) == 0 ? "high" : "normal");
        f.put("sensitivity", "normal");
        f.put("showAs", "busy");
        f.put("isReminderOn", true);
        f.put("reminderMinutesBeforeStart", 15);
        f.put("responseRequested", true);
        f.putArray("categories");
        f.putObject("location").put("displayName", Rng.pick(r, Names.CITIES) + " " + (100 + r.nextInt(400)))
                .put("locationType", "default").put("uniqueIdType", "unknown");
        ArrayNode attendees = f.putArray("attendees");
        int users = tenant.directory().userCount();
        int count = 1 + r.nextInt(3);
        java.util.Set<String> invited = new java.util.HashSet<>();
        for (int i = 0; i < count && users > 0; i++) {
            SimUser u = tenant.directory().user(r.nextInt(users));
            if (!invited.add(u.id)) {
                continue;
            }
            ObjectNode a = Json.emailAddress(u.displayName, u.address());
            a.put("type", i == 0 ? "required" : "optional");
            a.putObject("status").put("response", "none").put("time", "0001-01-01T00:00:00Z");
            attendees.add(a);
        }
        f.set("organizer", book.ownerAddress());
        return f;
    }

    private static String capital(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
