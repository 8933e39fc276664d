package io.m365vault.restore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.parameter.ParticipationLevel;
import biweekly.parameter.ParticipationStatus;
import biweekly.property.Attendee;
import biweekly.util.ByDay;
import biweekly.util.DayOfWeek;
import biweekly.util.Frequency;
import biweekly.util.Recurrence;
import biweekly.util.com.google.ical.compat.javautil.DateIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.exchange.EventAttachmentShape;
import io.m365vault.backup.Workload;
import io.m365vault.testkit.AzuriteExtension;
import io.m365vault.testkit.AzuriteExtension.StorageAccount;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(AzuriteExtension.class)
class CalendarExportTest {
    static final Instant T = Instant.parse("2026-03-01T00:00:00Z");
    static final String CAL = "AAMkAD/cal=";
    static final String WORK = "AAMkAD/work=";
    static final String MASTER = "AAMkAD/standup=";

    @TempDir
    Path tmp;

    @Test
    void icsParsesBackWithRecurrenceExceptionsAndAttachments(StorageAccount account) throws IOException {
        byte[] agenda = "agenda: 1. numbers 2. hiring\n".getBytes(StandardCharsets.UTF_8);
        try (MailboxFixture box = new MailboxFixture(account, tmp)) {
            box.put(Workload.CALENDAR, ItemKind.CALENDAR, CAL, null, calendar(CAL, "Calendar"), null, T);
            box.put(Workload.CALENDAR, ItemKind.CALENDAR, WORK, null, calendar(WORK, "Work/Team"), null, T);
            box.put(Workload.CALENDAR, ItemKind.EVENT, "ev-review", CAL, review().toString(), null, T);
            box.put(Workload.CALENDAR, ItemKind.EVENT_ATTACHMENT, "att-1", "ev-review",
                    MailExportTest.JSON.createObjectNode().put("@odata.type", "#microsoft.graph.fileAttachment")
                            .put("id", "att-1").put("name", "agenda?.txt").put("contentType", "text/plain")
                            .put("size", agenda.length).put("isInline", false).toString(), agenda, T);
            box.put(Workload.CALENDAR, ItemKind.EVENT, MASTER, CAL, standup().toString(), null, T);
            // The moved exception's own file, kept with its series (an exception has no row of its own).
            box.put(Workload.CALENDAR, ItemKind.EVENT_ATTACHMENT, "att-moved", MASTER,
                    MailExportTest.JSON.createObjectNode().put("@odata.type", "#microsoft.graph.fileAttachment")
                            .put("id", "att-moved").put("name", "moved.txt").put("contentType", "text/plain")
                            .put("size", 5).put("isInline", false).put(EventAttachmentShape.EXCEPTION, "ex-moved").toString(),
                    "moved".getBytes(StandardCharsets.UTF_8), T);
            ObjectNode occurrence = event("occ-1", "occurrence", "Standup", "2026-03-04T08:00:00.0000000", "2026-03-04T08:15:00.0000000",
                    "W. Europe Standard Time").put("seriesMasterId", MASTER);
            box.put(Workload.CALENDAR, ItemKind.EVENT, "occ-1", CAL, occurrence.toString(), null, T);
            ObjectNode ownException = event("ex-own", "exception", "Standup (long)", "2026-03-18T08:00:00.0000000",
                    "2026-03-18T09:00:00.0000000", "W. Europe Standard Time")
                    .put("seriesMasterId", MASTER).put("originalStart", "2026-03-18T08:00:00Z");
            box.put(Workload.CALENDAR, ItemKind.EVENT, "ex-own", CAL, ownException.toString(), null, T);
            ObjectNode holiday = event("ev-holiday", "singleInstance", "Holiday", "2026-04-06T00:00:00.0000000",
                    "2026-04-07T00:00:00.0000000", "UTC").put("isAllDay", true);
            box.put(Workload.CALENDAR, ItemKind.EVENT, "ev-holiday", WORK, holiday.toString(), null, T);
            box.put(Workload.CALENDAR, ItemKind.EVENT, "ev-board", WORK, board().toString(), null, T);
            box.commit();

            ExportResult r = new ItemExporter().export(box.repo, MailboxFixture.USER, T, tmp.resolve("out"),
                    ExportOptions.defaults().withWorkloads(Set.of(Workload.CALENDAR)));
            assertTrue(r.complete(), r.failures().toString());
            assertEquals(6, r.count(ItemKind.EVENT));
            assertEquals(2, r.count(ItemKind.EVENT_ATTACHMENT));
            MailExportTest.assertManifestMatchesDisk(r);

            Path ics = r.directory().resolve("calendar/Calendar.ics");
            ICalendar cal = Biweekly.parse(ics.toFile()).first();
            List<VEvent> standup = byUid(cal, "uid-" + MASTER);
            assertEquals(3, standup.size(), "master, moved exception, own-row exception");
            VEvent master = standup.stream().filter(v -> v.getRecurrenceId() == null).findFirst().orElseThrow();
            assertEquals(Instant.parse("2026-03-02T08:00:00Z"), master.getDateStart().getValue().toInstant());
            assertEquals("Europe/Berlin", cal.getTimezoneInfo().getTimezone(master.getDateStart()).getComponent()
                    .getTimezoneId().getValue());
            Recurrence rule = master.getRecurrenceRule().getValue();
            assertEquals(Frequency.WEEKLY, rule.getFrequency());
            assertEquals(List.of(new ByDay(DayOfWeek.MONDAY), new ByDay(DayOfWeek.WEDNESDAY)), rule.getByDay());
            assertEquals(Instant.parse("2026-04-15T21:59:59Z"), rule.getUntil().toInstant());
            List<Instant> exdates = new ArrayList<>();
            master.getExceptionDates().forEach(x -> x.getValues().forEach(d -> exdates.add(d.toInstant())));
            assertEquals(List.of(Instant.parse("2026-03-09T08:00:00Z"), Instant.parse("2026-03-16T08:00:00Z")), exdates);

            // Expanding the rule: 9:00 Berlin on both sides of the change to summer time, cancelled days gone.
            List<Instant> occurrences = new ArrayList<>();
            DateIterator it = master.getDateIterator(TimeZone.getTimeZone("Europe/Berlin"));
            while (it.hasNext()) {
                occurrences.add(it.next().toInstant());
            }
            assertEquals(Instant.parse("2026-03-02T08:00:00Z"), occurrences.get(0));
            assertFalse(occurrences.contains(Instant.parse("2026-03-09T08:00:00Z")));
            assertFalse(occurrences.contains(Instant.parse("2026-03-16T08:00:00Z")));
            assertTrue(occurrences.contains(Instant.parse("2026-04-01T07:00:00Z")), occurrences.toString());
            assertEquals(Instant.parse("2026-04-15T07:00:00Z"), occurrences.get(occurrences.size() - 1));
            assertEquals(14 - 2, occurrences.size()); // Mondays and Wednesdays 2 March to 15 April, less two

            VEvent moved = standup.stream().filter(v -> v.getRecurrenceId() != null
                    && v.getRecurrenceId().getValue().toInstant().equals(Instant.parse("2026-03-11T08:00:00Z"))).findFirst().orElseThrow();
            assertEquals("Standup (moved)", moved.getSummary().getValue());
            assertEquals(1, moved.getAttachments().size(), "the exception's own file on the exception");
            assertEquals("moved", Files.readString(ics.getParent().resolve(URLDecoder.decode(moved.getAttachments().get(0).getUri(), StandardCharsets.UTF_8))));
            assertEquals(0, master.getAttachments().size(), "not on the series");
            assertEquals(Instant.parse("2026-03-11T12:00:00Z"), moved.getDateStart().getValue().toInstant());
            assertTrue(standup.stream().anyMatch(v -> v.getRecurrenceId() != null
                    && v.getRecurrenceId().getValue().toInstant().equals(Instant.parse("2026-03-18T08:00:00Z"))
                    && v.getSummary().getValue().equals("Standup (long)")));

            VEvent review = byUid(cal, "uid-ev-review").get(0);
            assertEquals(Instant.parse("2026-03-02T17:00:00Z"), review.getDateStart().getValue().toInstant());
            assertEquals(Instant.parse("2026-03-02T18:00:00Z"), review.getDateEnd().getValue().toInstant());
            assertEquals("America/Los_Angeles", cal.getTimezoneInfo().getTimezone(review.getDateStart()).getComponent()
                    .getTimezoneId().getValue());
            assertEquals("Room 4 / Building 2", review.getLocation().getValue());
            assertEquals("carol@example.com", review.getOrganizer().getEmail());
            Attendee dave = review.getAttendees().stream().filter(a -> a.getEmail().equals("dave@example.com")).findFirst().orElseThrow();
            assertEquals(ParticipationLevel.REQUIRED, dave.getParticipationLevel());
            assertEquals(ParticipationStatus.ACCEPTED, dave.getParticipationStatus());
            Attendee erin = review.getAttendees().stream().filter(a -> a.getEmail().equals("erin@example.com")).findFirst().orElseThrow();
            assertEquals(ParticipationLevel.OPTIONAL, erin.getParticipationLevel());
            assertEquals(ParticipationStatus.TENTATIVE, erin.getParticipationStatus());
            assertTrue(review.getDescription().getValue().contains("Please read the agenda"), review.getDescription().getValue());
            assertFalse(review.getDescription().getValue().contains("<p>"));
            assertEquals(1, review.getAlarms().size());
            assertEquals(1, review.getAttachments().size());
            String uri = review.getAttachments().get(0).getUri();
            Path attached = ics.getParent().resolve(URLDecoder.decode(uri, StandardCharsets.UTF_8)).normalize();
            assertTrue(attached.startsWith(r.directory()), attached.toString());
            assertArrayEquals(agenda, Files.readAllBytes(attached));
            assertNull(byUid(cal, "uid-occ-1").isEmpty() ? null : "occurrence written on its own");

            ICalendar work = Biweekly.parse(r.directory().resolve("calendar/Work_Team.ics").toFile()).first();
            VEvent hol = byUid(work, "uid-ev-holiday").get(0);
            assertFalse(hol.getDateStart().getValue().hasTime());
            assertEquals("20260406", hol.getDateStart().getValue().getRawComponents().toString(false, false));
            assertEquals("20260407", hol.getDateEnd().getValue().getRawComponents().toString(false, false));
            Recurrence boardRule = byUid(work, "uid-ev-board").get(0).getRecurrenceRule().getValue();
            assertEquals(Frequency.MONTHLY, boardRule.getFrequency());
            assertEquals(List.of(new ByDay(1, DayOfWeek.TUESDAY)), boardRule.getByDay());
            assertEquals(3, boardRule.getCount());
        }
    }

    private static List<VEvent> byUid(ICalendar cal, String uid) {
        return cal.getEvents().stream().filter(v -> v.getUid().getValue().equals(uid)).toList();
    }

    static String calendar(String id, String name) {
        return MailExportTest.JSON.createObjectNode().put("id", id).put("name", name).put("color", "auto")
                .put("canEdit", true).toString();
    }

    /** Graph event JSON, times given in UTC as Graph returns them without a Prefer: outlook.timezone. */
    static ObjectNode event(String id, String type, String subject, String startUtc, String endUtc, String originalZone) {
        ObjectNode e = MailExportTest.JSON.createObjectNode().put("id", id).put("iCalUId", "uid-" + id).put("type", type)
                .put("subject", subject).put("isAllDay", false).put("isCancelled", false).put("showAs", "busy")
                .put("sensitivity", "normal").put("importance", "normal")
                .put("createdDateTime", "2026-02-01T10:00:00Z").put("lastModifiedDateTime", "2026-02-02T10:00:00Z")
                .put("originalStartTimeZone", originalZone).put("originalEndTimeZone", originalZone)
                .put("isReminderOn", false);
        e.putObject("start").put("dateTime", startUtc).put("timeZone", "UTC");
        e.putObject("end").put("dateTime", endUtc).put("timeZone", "UTC");
        return e;
    }

    private static ObjectNode review() {
        ObjectNode e = event("ev-review", "singleInstance", "Design review", "2026-03-02T17:00:00.0000000",
                "2026-03-02T18:00:00.0000000", "Pacific Standard Time");
        e.put("isReminderOn", true).put("reminderMinutesBeforeStart", 15);
        e.putObject("location").put("displayName", "Room 4 / Building 2");
        e.putObject("body").put("contentType", "html").put("content", "<html><body><p>Please read the agenda &amp; bring numbers.</p></body></html>");
        e.putObject("organizer").putObject("emailAddress").put("name", "Carol").put("address", "carol@example.com");
        ArrayNode attendees = e.putArray("attendees");
        attendee(attendees, "required", "accepted", "Dave", "dave@example.com");
        attendee(attendees, "optional", "tentativelyAccepted", "Erin", "erin@example.com");
        attendee(attendees, "resource", "none", "Room 4", "room4@example.com");
        return e;
    }

    private static void attendee(ArrayNode list, String type, String response, String name, String address) {
        ObjectNode a = list.addObject().put("type", type);
        a.putObject("status").put("response", response).put("time", "2026-02-03T10:00:00Z");
        a.putObject("emailAddress").put("name", name).put("address", address);
    }

    /** Mondays and Wednesdays 9:00 Berlin until 15 April, one day cancelled, one moved, one cancelled as an exception. */
    private static ObjectNode standup() {
        ObjectNode e = event(MASTER, "seriesMaster", "Standup", "2026-03-02T08:00:00.0000000", "2026-03-02T08:15:00.0000000",
                "W. Europe Standard Time");
        ObjectNode rec = e.putObject("recurrence");
        ObjectNode pattern = rec.putObject("pattern").put("type", "weekly").put("interval", 1).put("firstDayOfWeek", "sunday");
        pattern.putArray("daysOfWeek").add("monday").add("wednesday");
        rec.putObject("range").put("type", "endDate").put("startDate", "2026-03-02").put("endDate", "2026-04-15")
                .put("recurrenceTimeZone", "W. Europe Standard Time");
        e.putArray("cancelledOccurrences").add("OID." + MASTER + ".2026-03-09");
        ArrayNode ex = e.putArray("exceptionOccurrences");
        ex.add(event("ex-moved", "exception", "Standup (moved)", "2026-03-11T12:00:00.0000000", "2026-03-11T12:15:00.0000000",
                "W. Europe Standard Time").put("seriesMasterId", MASTER).put("originalStart", "2026-03-11T08:00:00Z"));
        ex.add(event("ex-cancelled", "exception", "Standup", "2026-03-16T08:00:00.0000000", "2026-03-16T08:15:00.0000000",
                "W. Europe Standard Time").put("seriesMasterId", MASTER).put("originalStart", "2026-03-16T08:00:00Z")
                .put("isCancelled", true));
        return e;
    }

    /** The first Tuesday of three months, 15:00 UTC. */
    private static ObjectNode board() {
        ObjectNode e = event("ev-board", "seriesMaster", "Board", "2026-03-03T15:00:00.0000000", "2026-03-03T17:00:00.0000000", "UTC");
        ObjectNode rec = e.putObject("recurrence");
        ObjectNode pattern = rec.putObject("pattern").put("type", "relativeMonthly").put("interval", 1).put("index", "first");
        pattern.putArray("daysOfWeek").add("tuesday");
        rec.putObject("range").put("type", "numbered").put("startDate", "2026-03-03").put("numberOfOccurrences", 3);
        return e;
    }
}
