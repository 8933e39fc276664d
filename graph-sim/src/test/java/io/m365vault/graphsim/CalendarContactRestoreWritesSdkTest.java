package io.m365vault.graphsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.Calendar;
import com.microsoft.graph.models.Contact;
import com.microsoft.graph.models.ContactFolder;
import com.microsoft.graph.models.DateTimeTimeZone;
import com.microsoft.graph.models.DayOfWeek;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.PatternedRecurrence;
import com.microsoft.graph.models.RecurrencePattern;
import com.microsoft.graph.models.RecurrencePatternType;
import com.microsoft.graph.models.RecurrenceRange;
import com.microsoft.graph.models.RecurrenceRangeType;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.m365vault.graphsim.model.Hashes;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The writes a calendar and a contacts restore make, through the typed SDK, and what the snapshot shows of them. */
class CalendarContactRestoreWritesSdkTest {
    private static GraphSim sim;
    private static GraphServiceClient graph;
    private static String user;

    @BeforeAll
    static void start() throws Exception {
        sim = GraphSim.builder().seed(44).users(12).messagesPerFolder(1).build().start();
        graph = SdkClients.forSim(sim);
        user = SdkClients.mailUser(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void aSeriesIsCreatedInANewCalendarThenOneOccurrenceMovedAndOneCancelled() {
        Calendar cal = new Calendar();
        cal.setName("Restored/Calendar");
        Calendar made = graph.users().byUserId(user).calendars().post(cal);
        // A new object: the SDK's backing store sends only what changed since the last send, which would be nothing.
        Calendar again = new Calendar();
        again.setName("Restored/Calendar");
        ODataError twice = assertThrows(ODataError.class, () -> graph.users().byUserId(user).calendars().post(again));
        assertEquals(409, twice.getResponseStatusCode(), "a calendar of that name exists");

        Event series = new Event();
        series.setSubject("Weekly review");
        series.setStart(time("2026-03-02T09:00:00"));
        series.setEnd(time("2026-03-02T09:30:00"));
        PatternedRecurrence r = new PatternedRecurrence();
        RecurrencePattern p = new RecurrencePattern();
        p.setType(RecurrencePatternType.Weekly);
        p.setInterval(1);
        p.setDaysOfWeek(List.of(DayOfWeek.Monday));
        r.setPattern(p);
        RecurrenceRange range = new RecurrenceRange();
        range.setType(RecurrenceRangeType.Numbered);
        range.setStartDate(LocalDate.parse("2026-03-02"));
        range.setNumberOfOccurrences(6);
        range.setRecurrenceTimeZone("W. Europe Standard Time");
        r.setRange(range);
        series.setRecurrence(r);
        Event master = graph.users().byUserId(user).calendars().byCalendarId(made.getId()).events().post(series);
        List<Event> occurrences = graph.users().byUserId(user).events().byEventId(master.getId()).instances().get(rc -> {
            rc.queryParameters.startDateTime = "2026-03-01T00:00:00Z";
            rc.queryParameters.endDateTime = "2026-04-30T00:00:00Z";
        }).getValue();
        assertEquals(6, occurrences.size());
        Event moved = new Event();
        moved.setSubject("Weekly review (moved)");
        moved.setStart(time("2026-03-10T11:00:00"));
        moved.setEnd(time("2026-03-10T11:30:00"));
        graph.users().byUserId(user).events().byEventId(occurrences.get(1).getId()).patch(moved);
        graph.users().byUserId(user).events().byEventId(occurrences.get(3).getId()).delete();

        JsonNode shown = find("events", "Weekly review");
        assertEquals("Restored/Calendar", shown.get("calendar").asText());
        assertEquals("[\"2026-03-23\"]", shown.get("cancelled").toString());
        JsonNode exception = find("events", "Weekly review (moved)");
        assertEquals("exception", exception.get("type").asText());
        assertEquals("2026-03-09T08:00:00Z", exception.get("originalStart").asText());
        assertEquals("2026-03-10T10:00:00Z", exception.get("start").asText());
        assertEquals(0, exception.get("attendees").size());

        graph.users().byUserId(user).events().byEventId(master.getId()).permanentDelete().post();
        assertTrue(sim.snapshot(user).path("events").findValuesAsText("subject").stream().noneMatch(s -> s.startsWith("Weekly review")),
                "permanentDelete removes the series with its exception");
    }

    @Test
    void aContactIsCreatedInANewFolderWithItsPhotoAndCanBeRemovedAgain() {
        ContactFolder folder = new ContactFolder();
        folder.setDisplayName("Restored");
        ContactFolder made = graph.users().byUserId(user).contactFolders().post(folder);
        Contact c = new Contact();
        c.setDisplayName("Léa Martin");
        c.setGivenName("Léa");
        Contact created = graph.users().byUserId(user).contactFolders().byContactFolderId(made.getId()).contacts().post(c);
        byte[] photo = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3};
        graph.users().byUserId(user).contacts().byContactId(created.getId()).photo().content().put(new ByteArrayInputStream(photo));

        JsonNode shown = find("contacts", "Léa Martin");
        assertEquals("Restored", shown.get("folder").asText());
        assertEquals(Hashes.sha256(photo), shown.get("photoSha256").asText());
        graph.users().byUserId(user).contacts().byContactId(created.getId()).permanentDelete().post();
        assertTrue(sim.snapshot(user).path("contacts").findValuesAsText("displayName").stream().noneMatch("Léa Martin"::equals));
    }

    private static DateTimeTimeZone time(String local) {
        DateTimeTimeZone t = new DateTimeTimeZone();
        t.setDateTime(local);
        t.setTimeZone("W. Europe Standard Time");
        return t;
    }

    private static JsonNode find(String workload, String subjectOrName) {
        for (JsonNode i : sim.snapshot(user).path(workload)) {
            if (subjectOrName.equals(i.path(workload.equals("events") ? "subject" : "displayName").asText())) {
                return i;
            }
        }
        throw new AssertionError("no " + subjectOrName + " in " + workload);
    }
}
