package io.m365vault.graphsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.graph.models.Attachment;
import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.DateTimeTimeZone;
import com.microsoft.graph.models.DayOfWeek;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.EventType;
import com.microsoft.graph.models.FileAttachment;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.PatternedRecurrence;
import com.microsoft.graph.models.RecurrencePattern;
import com.microsoft.graph.models.RecurrencePatternType;
import com.microsoft.graph.models.RecurrenceRange;
import com.microsoft.graph.models.RecurrenceRangeType;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.calendarview.delta.DeltaGetResponse;
import io.m365vault.graphsim.model.Hashes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventSdkTest {
    /** The simulated tenant's "now" is 2025-06-02; this window holds every kind of generated instance. */
    static final String FROM = "2025-05-01T00:00:00Z";
    static final String TO = "2025-07-15T00:00:00Z";
    static GraphSim sim;
    static GraphServiceClient graph;

    @BeforeAll
    static void start() throws Exception {
        sim = GraphSim.builder().seed(11).users(9).build().start();
        graph = SdkClients.forSim(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static String user(int i) {
        return sim.tenant().directory().user(i).id;
    }

    /** One delta round over the default calendar's view, pages of 4, following links to the deltaLink. */
    static List<Event> round(String user, String link, List<String> deltaLinks) {
        var builder = graph.users().byUserId(user).calendarView().delta();
        DeltaGetResponse page = link == null
                ? builder.get(rc -> {
                    rc.queryParameters.startDateTime = FROM;
                    rc.queryParameters.endDateTime = TO;
                    rc.headers.add("Prefer", "odata.maxpagesize=4");
                })
                : builder.withUrl(link).get(rc -> rc.headers.add("Prefer", "odata.maxpagesize=4"));
        List<Event> all = new ArrayList<>();
        while (true) {
            assertTrue(page.getValue().size() <= 4);
            all.addAll(page.getValue());
            if (page.getOdataNextLink() == null) {
                deltaLinks.add(page.getOdataDeltaLink());
                return all;
            }
            assertFalse(page.getOdataNextLink().contains("startDateTime"), "the window travels in the token");
            page = builder.withUrl(page.getOdataNextLink()).get(rc -> rc.headers.add("Prefer", "odata.maxpagesize=4"));
        }
    }

    static boolean removed(Event e) {
        return e.getAdditionalData().containsKey("@removed");
    }

    @Test
    void calendarsDefaultAndSecond() {
        var cals = graph.users().byUserId(user(6)).calendars().get().getValue();
        assertEquals(2, cals.size());
        assertTrue(cals.get(0).getIsDefaultCalendar());
        assertEquals(cals.get(0).getId(), graph.users().byUserId(user(6)).calendar().get().getId());
        var second = graph.users().byUserId(user(6)).calendars().byCalendarId(cals.get(1).getId()).calendarView().delta()
                .get(rc -> {
                    rc.queryParameters.startDateTime = FROM;
                    rc.queryParameters.endDateTime = TO;
                });
        assertTrue(second.getValue().stream().anyMatch(e -> Boolean.TRUE.equals(e.getIsAllDay())));
        assertNotNull(second.getOdataDeltaLink());
        var listed = graph.users().byUserId(user(6)).calendars().byCalendarId(cals.get(1).getId()).events().get().getValue();
        assertEquals(4, listed.size(), "one all-day offsite and three single events");
    }

    @Test
    void viewDeltaReturnsInstancesAndTheMasterCarriesTheRecurrence() {
        List<Event> all = round(user(7), null, new ArrayList<>());
        assertEquals(all.size(), new HashSet<>(all.stream().map(Event::getId).toList()).size());
        Map<EventType, Long> types = all.stream().collect(Collectors.groupingBy(Event::getType, Collectors.counting()));
        assertNull(types.get(EventType.SeriesMaster), "a calendar view shows instances, never masters");
        assertTrue(types.get(EventType.Occurrence) > 20);
        assertEquals(1L, types.get(EventType.Exception));
        assertTrue(all.stream().anyMatch(e -> Boolean.TRUE.equals(e.getIsAllDay())));
        Set<String> expected = new HashSet<>();
        sim.eventInstances(user(7), java.time.Instant.parse(FROM), java.time.Instant.parse(TO)).forEach(n -> {
            if (n.get("calendar").asText().equals("Calendar")) {
                expected.add(n.get("id").asText());
            }
        });
        assertEquals(expected, new HashSet<>(all.stream().map(Event::getId).toList()), "the control endpoint lists what the view shows");
        Event moved = all.stream().filter(e -> e.getType() == EventType.Exception).findFirst().orElseThrow();
        assertEquals("Team sync (moved)", moved.getSubject());
        assertNotNull(moved.getOriginalStart());
        assertEquals("UTC", moved.getStart().getTimeZone());
        assertEquals("W. Europe Standard Time", moved.getOriginalStartTimeZone());

        Event master = graph.users().byUserId(user(7)).events().byEventId(moved.getSeriesMasterId())
                .get(rc -> rc.queryParameters.expand = new String[] {"exceptionOccurrences"});
        assertEquals(EventType.SeriesMaster, master.getType());
        assertEquals(RecurrencePatternType.Weekly, master.getRecurrence().getPattern().getType());
        assertEquals(List.of(DayOfWeek.Monday, DayOfWeek.Wednesday), master.getRecurrence().getPattern().getDaysOfWeek());
        assertEquals(RecurrenceRangeType.EndDate, master.getRecurrence().getRange().getType());
        assertEquals(moved.getId(), master.getExceptionOccurrences().get(0).getId());
        Event cancelled = graph.users().byUserId(user(7)).events().byEventId(master.getId())
                .get(rc -> rc.queryParameters.select = new String[] {"subject", "cancelledOccurrences"});
        assertEquals(1, cancelled.getCancelledOccurrences().size());
        assertTrue(cancelled.getCancelledOccurrences().get(0).startsWith("OID." + master.getId() + "."));
        String cancelledDate = cancelled.getCancelledOccurrences().get(0).substring(("OID." + master.getId() + ".").length());
        assertTrue(all.stream().noneMatch(e -> e.getStart().getDateTime().startsWith(cancelledDate) && "Team sync".equals(e.getSubject())));

        var instances = graph.users().byUserId(user(7)).events().byEventId(master.getId()).instances().get(rc -> {
            rc.queryParameters.startDateTime = FROM;
            rc.queryParameters.endDateTime = TO;
            rc.queryParameters.top = 100;
        }).getValue();
        long inView = all.stream().filter(e -> master.getId().equals(e.getSeriesMasterId())).count();
        assertEquals(inView, instances.size());
        Event occurrence = instances.stream().filter(e -> e.getType() == EventType.Occurrence).findFirst().orElseThrow();
        Event shaped = graph.users().byUserId(user(7)).events().byEventId(occurrence.getId()).get(rc -> {
            rc.headers.add("Prefer", "outlook.timezone=\"Pacific Standard Time\"");
            rc.headers.add("Prefer", "outlook.body-content-type=\"text\"");
        });
        assertEquals(occurrence.getSubject(), shaped.getSubject());
        assertEquals("Pacific Standard Time", shaped.getStart().getTimeZone());
        assertEquals(BodyType.Text, shaped.getBody().getContentType());
        assertFalse(shaped.getBody().getContent().contains("<"));
        // 10:00 in Berlin (summer time) is 01:00 in Los Angeles.
        assertTrue(shaped.getStart().getDateTime().contains("T01:00:00"), shaped.getStart().getDateTime());
    }

    @Test
    void changesShowUpInTheNextRoundWithRemovals() {
        String u = user(8);
        List<String> links = new ArrayList<>();
        List<Event> first = round(u, null, links);
        assertTrue(round(u, links.get(0), links).isEmpty(), "nothing changed, nothing reported");

        Event single = first.stream().filter(e -> e.getType() == EventType.SingleInstance && !Boolean.TRUE.equals(e.getIsAllDay())).findFirst().orElseThrow();
        Event gone = first.stream().filter(e -> e.getType() == EventType.SingleInstance && !e.getId().equals(single.getId())).findFirst().orElseThrow();
        List<Event> occ = first.stream().filter(e -> e.getType() == EventType.Occurrence).toList();
        Event patch = new Event();
        patch.setSubject("Renamed");
        graph.users().byUserId(u).events().byEventId(single.getId()).patch(patch);
        graph.users().byUserId(u).events().byEventId(gone.getId()).delete();
        graph.users().byUserId(u).events().byEventId(occ.get(0).getId()).delete();
        Event moveOne = new Event();
        moveOne.setSubject("Just this once");
        Event exception = graph.users().byUserId(u).events().byEventId(occ.get(1).getId()).patch(moveOne);
        assertEquals(EventType.Exception, exception.getType());
        assertEquals(occ.get(1).getId(), exception.getId(), "an exception keeps its occurrence's id");
        Event series = recurring("Restored series", "2025-06-10");
        com.microsoft.graph.models.SingleValueLegacyExtendedProperty tag = new com.microsoft.graph.models.SingleValueLegacyExtendedProperty();
        tag.setId("String {66f5a359-4659-4830-9070-00047ec6ac6e} Name restoredFrom");
        tag.setValue("backup-1");
        series.setSingleValueExtendedProperties(List.of(tag));
        Event created = graph.users().byUserId(u).events().post(series);
        assertEquals(EventType.SeriesMaster, created.getType());
        assertNull(created.getSingleValueExtendedProperties(), "extended properties come back only on $expand");
        Event expanded = graph.users().byUserId(u).events().byEventId(created.getId())
                .get(rc -> rc.queryParameters.expand = new String[] {"singleValueExtendedProperties($filter=id eq '" + tag.getId() + "')"});
        assertEquals("backup-1", expanded.getSingleValueExtendedProperties().get(0).getValue());

        Map<String, Event> changes = round(u, links.get(1), links).stream().collect(Collectors.toMap(Event::getId, Function.identity()));
        assertEquals("Renamed", changes.get(single.getId()).getSubject());
        assertTrue(removed(changes.get(gone.getId())));
        assertTrue(removed(changes.get(occ.get(0).getId())));
        assertEquals("Just this once", changes.get(occ.get(1).getId()).getSubject());
        long newOccurrences = changes.values().stream().filter(e -> created.getId().equals(e.getSeriesMasterId())).count();
        assertEquals(3, newOccurrences);
        assertEquals(7, changes.size(), "renamed, two removals, the exception, three new occurrences");
        assertThrows(ODataError.class, () -> graph.users().byUserId(u).events().byEventId(gone.getId()).get());
        JsonNode snap = sim.snapshot(u).get("events");
        JsonNode restored = find(snap, created.getId());
        assertEquals("daily/1 from 2025-06-10 times 3", restored.get("recurrence").asText());
        assertEquals("2025-06-10T13:00:00Z", restored.get("start").asText());
    }

    @Test
    void aShorterSeriesRemovesItsLastOccurrenceAndRejectedChangesChangeNothing() {
        String u = user(6);
        Event created = graph.users().byUserId(u).events().post(recurring("Planning", "2025-06-16"));
        List<String> links = new ArrayList<>();
        List<Event> occurrences = round(u, null, links).stream().filter(e -> created.getId().equals(e.getSeriesMasterId()))
                .sorted(java.util.Comparator.comparing(e -> e.getStart().getDateTime())).toList();
        assertEquals(3, occurrences.size());

        Event badTimes = new Event();
        DateTimeTimeZone early = new DateTimeTimeZone();
        early.setDateTime("2025-06-16T08:00:00");
        early.setTimeZone("UTC");
        badTimes.setEnd(early);
        DateTimeTimeZone late = new DateTimeTimeZone();
        late.setDateTime("2025-06-16T18:00:00");
        late.setTimeZone("UTC");
        badTimes.setStart(late);
        ODataError rejected = assertThrows(ODataError.class, () -> graph.users().byUserId(u).events().byEventId(occurrences.get(0).getId()).patch(badTimes));
        assertEquals(400, rejected.getResponseStatusCode());
        assertEquals(EventType.Occurrence, graph.users().byUserId(u).events().byEventId(occurrences.get(0).getId()).get().getType());
        Event single = graph.users().byUserId(u).events().get(rc -> rc.queryParameters.top = 100).getValue().stream()
                .filter(e -> e.getType() == EventType.SingleInstance).findFirst().orElseThrow();
        Event toSeries = new Event();
        toSeries.setRecurrence(recurring("x", "2025-06-16").getRecurrence());
        assertEquals(400, assertThrows(ODataError.class, () -> graph.users().byUserId(u).events().byEventId(single.getId()).patch(toSeries)).getResponseStatusCode());

        Event shorter = new Event();
        PatternedRecurrence rec = recurring("x", "2025-06-16").getRecurrence();
        rec.getRange().setNumberOfOccurrences(2);
        shorter.setRecurrence(rec);
        graph.users().byUserId(u).events().byEventId(created.getId()).patch(shorter);
        Map<String, Event> changes = round(u, links.get(0), links).stream().collect(Collectors.toMap(Event::getId, Function.identity()));
        assertEquals(3, changes.size(), "two occurrences changed with their series, the third removed: " + changes.keySet());
        assertFalse(removed(changes.get(occurrences.get(1).getId())));
        assertTrue(removed(changes.get(occurrences.get(2).getId())));
        assertTrue(round(u, links.get(1), links).isEmpty());
    }

    static Event recurring(String subject, String day) {
        Event e = new Event();
        e.setSubject(subject);
        ItemBody body = new ItemBody();
        body.setContentType(BodyType.Html);
        body.setContent("<p>restored</p>");
        e.setBody(body);
        DateTimeTimeZone start = new DateTimeTimeZone();
        start.setDateTime(day + "T09:00:00");
        start.setTimeZone("Eastern Standard Time");
        DateTimeTimeZone end = new DateTimeTimeZone();
        end.setDateTime(day + "T09:30:00");
        end.setTimeZone("Eastern Standard Time");
        e.setStart(start);
        e.setEnd(end);
        RecurrencePattern p = new RecurrencePattern();
        p.setType(RecurrencePatternType.Daily);
        p.setInterval(1);
        RecurrenceRange r = new RecurrenceRange();
        r.setType(RecurrenceRangeType.Numbered);
        r.setNumberOfOccurrences(3);
        r.setStartDate(LocalDate.parse(day));
        PatternedRecurrence rec = new PatternedRecurrence();
        rec.setPattern(p);
        rec.setRange(r);
        e.setRecurrence(rec);
        return e;
    }

    static JsonNode find(JsonNode items, String id) {
        for (JsonNode n : items) {
            if (n.get("id").asText().equals(id)) {
                return n;
            }
        }
        throw new AssertionError("no " + id + " in " + items);
    }

    @Test
    void attachmentsReadAndWrite() throws Exception {
        String u = user(5);
        List<Event> events = graph.users().byUserId(u).events().get(rc -> rc.queryParameters.top = 50).getValue();
        Event with = events.stream().filter(e -> Boolean.TRUE.equals(e.getHasAttachments())).findFirst().orElseThrow();
        List<Attachment> atts = graph.users().byUserId(u).events().byEventId(with.getId()).attachments().get().getValue();
        FileAttachment a = (FileAttachment) atts.get(0);
        HttpClient http = HttpClient.newHttpClient();
        // Outlook ids hold '/' and '+': a path carries them escaped.
        java.util.function.UnaryOperator<String> seg = id -> java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8);
        byte[] raw = http.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/users/" + u + "/events/" + seg.apply(with.getId())
                + "/attachments/" + seg.apply(a.getId()) + "/$value")).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        assertArrayEquals(a.getContentBytes(), raw);
        JsonNode snap = find(sim.snapshot(u).get("events"), with.getId());
        assertEquals(Hashes.sha256(raw), snap.get("attachments").get(0).get("sha256").asText());

        FileAttachment add = new FileAttachment();
        add.setOdataType("#microsoft.graph.fileAttachment");
        add.setName("notes.txt");
        add.setContentType("text/plain");
        add.setContentBytes("restored notes".getBytes());
        Event target = events.stream().filter(e -> !Boolean.TRUE.equals(e.getHasAttachments())).findFirst().orElseThrow();
        graph.users().byUserId(u).events().byEventId(target.getId()).attachments().post(add);
        assertTrue(graph.users().byUserId(u).events().byEventId(target.getId()).get().getHasAttachments());
        FileAttachment back = (FileAttachment) graph.users().byUserId(u).events().byEventId(target.getId()).attachments().get().getValue().get(0);
        assertEquals("restored notes", new String(back.getContentBytes()));
        assertEquals(Hashes.sha256("restored notes".getBytes()), find(sim.snapshot(u).get("events"), target.getId()).get("attachments").get(0).get("sha256").asText());
    }

    @Test
    void largeAttachmentsGoUpInAnOutlookUploadSession() throws Exception {
        String u = user(5);
        Event created = graph.users().byUserId(u).events().post(recurring("With a large file", "2025-06-20"));
        byte[] data = new byte[3_500_000];
        new java.util.SplittableRandom(9).nextBytes(data);
        var body = new com.microsoft.graph.users.item.events.item.attachments.createuploadsession.CreateUploadSessionPostRequestBody();
        body.setAttachmentItem(SdkClients.fileItem("large.bin", data.length));
        var session = graph.users().byUserId(u).events().byEventId(created.getId()).attachments().createUploadSession().post(body);
        assertEquals("0-" + (data.length - 1), session.getNextExpectedRanges().get(0));
        var result = SdkClients.upload(graph, session, data, 1024 * 1024);
        assertTrue(result.isUploadSuccessful());
        assertNotNull(result.location);
        FileAttachment back = (FileAttachment) graph.users().byUserId(u).events().byEventId(created.getId()).attachments().get().getValue().get(0);
        assertEquals("large.bin", back.getName());
        assertArrayEquals(data, back.getContentBytes());
        String location = java.net.URLDecoder.decode(result.location.toString(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(location.endsWith("/events/" + created.getId() + "/attachments/" + back.getId()), location);

        var tooBig = new com.microsoft.graph.users.item.events.item.attachments.createuploadsession.CreateUploadSessionPostRequestBody();
        tooBig.setAttachmentItem(SdkClients.fileItem("huge.bin", 200L * 1024 * 1024));
        assertEquals(400, assertThrows(ODataError.class, () -> graph.users().byUserId(u).events().byEventId(created.getId())
                .attachments().createUploadSession().post(tooBig)).getResponseStatusCode());
    }

    @Test
    void errorsAnswerLikeGraph() {
        String u = user(6);
        ODataError noWindow = assertThrows(ODataError.class, () -> graph.users().byUserId(u).calendarView().delta().get());
        assertEquals(400, noWindow.getResponseStatusCode());
        assertEquals("ErrorInvalidParameter", noWindow.getError().getCode());
        Event bad = recurring("bad", "2025-06-10");
        bad.getRecurrence().getRange().setStartDate(null);
        ODataError badRec = assertThrows(ODataError.class, () -> graph.users().byUserId(u).events().post(bad));
        assertEquals(400, badRec.getResponseStatusCode());
        List<String> links = new ArrayList<>();
        round(u, null, links);
        sim.expireDeltaTokens();
        ODataError gone = assertThrows(ODataError.class, () -> round(u, links.get(0), links));
        assertEquals(410, gone.getResponseStatusCode());
        assertEquals("SyncStateNotFound", gone.getError().getCode());
        ODataError noMailbox = assertThrows(ODataError.class, () -> graph.users().byUserId(user(4)).calendars().get());
        assertEquals("MailboxNotEnabledForRESTAPI", noMailbox.getError().getCode());
    }

    @Test
    void sameSeedSameEventsSameBytesAndSameMutations() throws Exception {
        String[] snaps = new String[2];
        for (int i = 0; i < 2; i++) {
            try (GraphSim s = GraphSim.builder().seed(11).users(7).build().start()) {
                String u = s.tenant().directory().user(6).id;
                var counts = s.mutate(3, 0.5, "events");
                assertTrue(counts.path("events").path("edited").asInt() > 0);
                String view = s.baseUrl() + "/users/" + u + "/calendarView?startDateTime=" + FROM + "&endDateTime=" + TO + "&$top=1000";
                JsonNode page = io.m365vault.graphsim.http.Json.MAPPER.readTree(HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(view)).build(), HttpResponse.BodyHandlers.ofString()).body());
                assertTrue(page.get("value").size() > 20);
                snaps[i] = s.snapshot(u).get("events").toString() + page.get("value");
            }
        }
        assertEquals(snaps[0], snaps[1]);
        Set<String> inSnapshot = new HashSet<>();
        sim.snapshot(user(7)).get("events").forEach(n -> inSnapshot.add(n.get("id").asText()));
        graph.users().byUserId(user(7)).events().get(rc -> rc.queryParameters.top = 100).getValue()
                .forEach(e -> assertTrue(inSnapshot.contains(e.getId()), e.getId()));
    }
}
