package io.m365vault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graph.TenantGraph;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.graphsim.calendar.CalendarBook;
import io.m365vault.graphsim.calendar.EventAttachment;
import io.m365vault.graphsim.calendar.EventItem;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.Repository;
import io.m365vault.restore.tenant.CalendarRestore;
import io.m365vault.restore.tenant.RestoreRefusedException;
import io.m365vault.restore.tenant.TenantRestoreOptions;
import io.m365vault.restore.tenant.TenantRestoreResult;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calendars restored into the tenant through the real Graph SDK against graph-sim over HTTP, from
 * a repository on Azurite: singles, all-day events, series with a moved and a cancelled
 * occurrence, attachments (one of 3.5 MB by upload session), compared with the original as
 * graph-sim shows both calendars and as a backup of the target holds them.
 */
@ExtendWith(AzuriteExtension.class)
class CalendarRestoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a restore must bring back of each event as graph-sim shows it (ids, bodies of meetings and attendees apart). */
    private static final String[] SHOWN = {"calendar", "type", "subject", "isAllDay", "start", "end", "timeZone", "recurrence", "cancelled",
            "originalStart", "attachments"};
    /** The Graph fields of an event a restore must bring back, compared between two backups. */
    private static final String[] KEPT = {"subject", "start", "end", "isAllDay", "recurrence", "location", "importance", "sensitivity",
            "showAs", "categories", "isReminderOn", "reminderMinutesBeforeStart", "originalStartTimeZone", "type"};
    private static final String NOTE = "<div><hr><p>Restored by m365vault without its attendees";

    @TempDir
    Path tmp;

    @Test
    void aCalendarRestoredToAnotherUserEqualsTheOriginalAndInvitesNoOne(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(51).users(12).messagesPerFolder(1).build().start();
             Repository repo = SimTenant.repo(account, tmp, "cal");
             TenantGraph graph = SimTenant.graph(sim)) {
            List<String> users = SimTenant.twoMailUsers(sim);
            String a = users.get(0);
            String b = users.get(1);
            String big = addLargeAttachment(sim, a);
            seriesFileAndExceptions(sim, a);
            Instant t1 = Instant.now();
            SimTenant.backup(sim, repo, a, t1, Workload.CALENDAR);
            Set<String> before = ids(sim, b);

            TenantRestoreResult r = new CalendarRestore(repo, graph).restore("job1", new ProtectedItem("user", a), t1,
                    new TenantRestoreOptions(new ProtectedItem("user", b), null, false));
            assertTrue(r.complete(), r.failures().toString());
            Map<String, JsonNode> original = shown(sim, a, Set.of());
            Map<String, JsonNode> restored = shown(sim, b, before);
            assertEquals(original.keySet(), restored.keySet());
            for (Map.Entry<String, JsonNode> e : original.entrySet()) {
                JsonNode o = e.getValue();
                JsonNode c = restored.get(e.getKey());
                assertEquals(shownFields(o), shownFields(c), e.getKey());
                assertEquals(0, c.path("attendees").size(), "no one invited: " + e.getKey());
                if (o.path("attendees").isEmpty()) {
                    assertEquals(o.get("bodySha256"), c.get("bodySha256"), "an appointment's body unchanged: " + e.getKey());
                }
            }
            assertTrue(original.values().stream().anyMatch(o -> o.path("cancelled").size() > 0), "a series with a cancelled occurrence");
            assertTrue(original.values().stream().anyMatch(o -> o.path("type").asText().equals("exception")), "a series with a moved occurrence");
            assertTrue(restored.values().stream().anyMatch(o -> o.path("attachments").toString().contains(big)), "the 3.5 MB attachment came back");
            assertTrue(restored.values().stream().anyMatch(o -> o.path("subject").asText().equals("Team sync (kept its copy)")
                    && o.path("attachments").toString().contains("series agenda.txt")), "an exception's copy of the series' file");
            assertTrue(restored.values().stream().anyMatch(o -> o.path("subject").asText().equals("Team sync (copy removed)")
                    && o.path("attachments").isEmpty()), "an exception without the series' file");
            assertTrue(restored.values().stream().anyMatch(o -> o.path("subject").asText().equals("Team sync (moved)")
                    && o.path("attachments").toString().contains("moved-sync-notes.pdf") && !o.path("attachments").toString().contains("series agenda")),
                    "an exception with a file of its own only");
            assertTrue(original.values().stream().anyMatch(o -> o.path("attendees").size() > 0), "meetings among them");

            // Back the other user up: its catalog holds the same events, field for field; a meeting's body holds its attendees.
            Instant t2 = t1.plusSeconds(60);
            SimTenant.backup(sim, repo, b, t2, Workload.CALENDAR);
            Map<String, JsonNode> backedUpA = catalog(repo, a, t1, null);
            Map<String, JsonNode> backedUpB = catalog(repo, b, t2, before);
            assertEquals(backedUpA.keySet(), backedUpB.keySet());
            int meetings = 0;
            for (Map.Entry<String, JsonNode> e : backedUpA.entrySet()) {
                JsonNode o = e.getValue();
                JsonNode c = backedUpB.get(e.getKey());
                assertEquals(kept(o), kept(c), e.getKey());
                assertEquals(0, c.path("attendees").size(), e.getKey());
                String body = c.path("body").path("content").asText();
                if (o.path("attendees").isEmpty()) {
                    assertEquals(o.path("body"), c.path("body"), e.getKey());
                    continue;
                }
                meetings++;
                assertEquals(o.path("body").path("content").asText(), body.replaceFirst("<div><hr><p>Restored by m365vault[^<]*</p></div>", ""),
                        "the original body, and the note: " + e.getKey());
                for (JsonNode att : o.path("attendees")) {
                    assertTrue(body.contains(att.path("emailAddress").path("address").asText()), "attendee named in the body: " + e.getKey());
                }
                assertTrue(body.contains(NOTE), body);
                JsonNode kept = keptMeeting(graph, b, c.get("id").asText());
                assertEquals(o.get("attendees"), kept.get("attendees"), "the attendees exactly, in the extended property");
                assertEquals(o.get("organizer"), kept.get("organizer"));
            }
            assertTrue(meetings > 3, "meetings compared: " + meetings);
        }
    }

    @Test
    void restoringTwiceIntoTheOriginalPlaceOverwritesNothingOrSkips(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(52).users(12).messagesPerFolder(1).build().start();
             Repository repo = SimTenant.repo(account, tmp, "cal");
             TenantGraph graph = SimTenant.graph(sim)) {
            String a = SimTenant.twoMailUsers(sim).get(0);
            Instant t = Instant.now();
            SimTenant.backup(sim, repo, a, t, Workload.CALENDAR);
            Map<String, JsonNode> originals = byId(sim, a);
            ProtectedItem item = new ProtectedItem("user", a);
            CalendarRestore restore = new CalendarRestore(repo, graph);
            TenantRestoreResult first = restore.restore("job1", item, t, new TenantRestoreOptions(item, null, false));
            TenantRestoreResult second = restore.restore("job2", item, t, new TenantRestoreOptions(item, null, false));
            assertTrue(first.complete() && second.complete(), first.failures() + " " + second.failures());
            assertEquals(first.items(), first.restored());
            assertEquals(0, first.foldersCreated() + second.foldersCreated(), "the original calendars are used, none made");
            Map<String, JsonNode> now = byId(sim, a);
            originals.forEach((id, v) -> assertEquals(v, now.get(id), "original event " + id + " untouched"));
            Map<String, Integer> copies = new TreeMap<>();
            now.values().forEach(e -> copies.merge(key(e), 1, Integer::sum));
            assertTrue(copies.values().stream().allMatch(n -> n == 3), "each event thrice: " + copies);

            TenantRestoreResult third = restore.restore("job3", item, t, new TenantRestoreOptions(item, null, true));
            assertEquals(0, third.restored());
            assertEquals(first.restored(), third.skipped());
            assertEquals(now.size(), byId(sim, a).size());
        }
    }

    @Test
    void aSeriesFailingMidwayLeavesNothingAndTheRestAreRestored(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(53).users(12).messagesPerFolder(1).build().start();
             Repository repo = SimTenant.repo(account, tmp, "cal");
             TenantGraph graph = SimTenant.graph(sim)) {
            String a = SimTenant.twoMailUsers(sim).get(0);
            Instant t = Instant.now();
            SimTenant.backup(sim, repo, a, t, Workload.CALENDAR);
            ProtectedItem item = new ProtectedItem("user", a);
            Set<String> before = ids(sim, a);
            ObjectNode fault = JSON.createObjectNode();
            // Only a series with a moved occurrence PATCHes: it is created, then the change of its occurrence refused.
            fault.putArray("inject").addObject().put("path", "/events/").put("method", "PATCH").put("status", 400)
                    .put("code", "ErrorInvalidRequest").put("count", 1);
            sim.faults(fault);
            TenantRestoreResult r = new CalendarRestore(repo, graph).restore("job1", item, t, new TenantRestoreOptions(item, "Restored", false));
            assertEquals(1, r.failures().size(), r.failures().toString());
            assertTrue(r.failures().get(0).toString().startsWith("calendar event ") && r.failures().get(0).reason().contains("400")
                    && r.failures().get(0).reason().contains("partial copy was removed"), r.failures().get(0).toString());
            assertEquals(r.items() - 1, r.restored());
            Map<String, JsonNode> added = shown(sim, a, before);
            assertTrue(added.values().stream().allMatch(e -> e.get("calendar").asText().startsWith("Restored/")), added.keySet().toString());
            assertFalse(added.values().stream().anyMatch(e -> e.get("subject").asText().startsWith("Team sync")), "the failed series left nothing");
            assertEquals(r.restored(), added.values().stream().filter(e -> !e.get("type").asText().equals("exception")).count());
        }
    }

    @Test
    void noPermissionToWriteCalendarsStopsWithOneLineAndWritesNothing(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(54).users(12).messagesPerFolder(1).build().start();
             Repository repo = SimTenant.repo(account, tmp, "cal");
             TenantGraph graph = SimTenant.graph(sim)) {
            String a = SimTenant.twoMailUsers(sim).get(0);
            Instant t = Instant.now();
            SimTenant.backup(sim, repo, a, t, Workload.CALENDAR);
            Set<String> before = ids(sim, a);
            ObjectNode fault = JSON.createObjectNode();
            fault.putArray("inject").addObject().put("path", "/events").put("method", "POST").put("status", 403)
                    .put("code", "ErrorAccessDenied").put("count", 1000);
            sim.faults(fault);
            ProtectedItem item = new ProtectedItem("user", a);
            RestoreRefusedException denied = assertThrows(RestoreRefusedException.class, () -> new CalendarRestore(repo, graph)
                    .restore("job1", item, t, new TenantRestoreOptions(item, null, false)));
            assertTrue(denied.getMessage().contains("403 ErrorAccessDenied") && denied.getMessage().contains("Calendars.ReadWrite"),
                    denied.getMessage());
            assertEquals(before, ids(sim, a));
        }
    }

    /** A 3.5 MB attachment on one single event (an upload session on restore); its name. */
    private static String addLargeAttachment(GraphSim sim, String user) {
        byte[] scan = new byte[3_500_000];
        new SplittableRandom(11).nextBytes(scan);
        CalendarBook b = sim.tenant().calendars(user);
        synchronized (b) {
            EventItem e = b.live().stream().filter(x -> x.kind == EventItem.Kind.SINGLE && !x.allDay).findFirst().orElseThrow();
            List<EventAttachment> atts = new ArrayList<>(e.attachments);
            atts.add(new EventAttachment("AAMkAGlarge" + e.id().hashCode(), "floor plan.pdf", "application/pdf", 0, 0, scan));
            e.attachments = atts;
            b.edit(e);
        }
        return "floor plan.pdf";
    }

    /**
     * The weekly series gets a file, which Exchange copies into exceptions made from then on; of
     * two occurrences then changed, one keeps its copy, the other has it removed. The exception
     * made before ("moved") has a file of its own and no copy.
     */
    private static void seriesFileAndExceptions(GraphSim sim, String user) {
        CalendarBook b = sim.tenant().calendars(user);
        synchronized (b) {
            EventItem master = b.live().stream().filter(x -> x.kind == EventItem.Kind.MASTER && x.subject().equals("Team sync")).findFirst().orElseThrow();
            List<EventAttachment> atts = new ArrayList<>(master.attachments);
            atts.add(new EventAttachment("AAMkAGseries" + master.id().hashCode(), "series agenda.txt", "text/plain", 0, 0,
                    "agenda of the series".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            master.attachments = atts;
            b.edit(master);
            List<java.time.LocalDate> free = master.recurrence.dates(java.time.LocalDate.of(2100, 1, 1)).stream()
                    .filter(d -> !master.exceptions.containsKey(d) && !master.cancelled.containsKey(d)).toList();
            EventItem kept = b.exception(master, free.get(free.size() - 1));
            kept.editableFields().put("subject", "Team sync (kept its copy)");
            EventItem bare = b.exception(master, free.get(free.size() - 2));
            bare.editableFields().put("subject", "Team sync (copy removed)");
            b.deleteAttachment(bare, bare.attachments.get(0).id());
        }
    }

    /** What the snapshot shows that a restore keeps; attachments as a sorted list (the catalog does not keep their order). */
    private static JsonNode shownFields(JsonNode e) {
        ObjectNode k = ((ObjectNode) e.deepCopy()).retain(SHOWN);
        List<String> atts = new ArrayList<>();
        e.path("attachments").forEach(a -> atts.add(a.toString()));
        atts.sort(null);
        atts.forEach(k.putArray("attachments")::add);
        return k;
    }

    private static Set<String> ids(GraphSim sim, String user) {
        return new HashSet<>(sim.snapshot(user).path("events").findValuesAsText("id"));
    }

    private static String key(JsonNode e) {
        return e.get("calendar").asText() + "|" + e.get("type").asText() + "|" + e.get("subject").asText() + "|" + e.get("start").asText();
    }

    /** The events graph-sim shows, those in {@code except} left out: calendar|type|subject|start -> the snapshot entry. */
    private static Map<String, JsonNode> shown(GraphSim sim, String user, Set<String> except) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (JsonNode e : sim.snapshot(user).path("events")) {
            if (!except.contains(e.get("id").asText())) {
                JsonNode was = out.put(key(e), e);
                assertEquals(null, was, "two events of one key: " + key(e));
            }
        }
        return out;
    }

    private static Map<String, JsonNode> byId(GraphSim sim, String user) {
        Map<String, JsonNode> out = new TreeMap<>();
        sim.snapshot(user).path("events").forEach(e -> out.put(e.get("id").asText(), e));
        return out;
    }

    /**
     * The catalog's events at {@code t}, those in {@code except} left out: subject|start -> the
     * Graph JSON, with each exception's and cancellation's dates and the attachments' SHA-256 added.
     */
    private static Map<String, JsonNode> catalog(Repository repo, String user, Instant t, Set<String> except) throws Exception {
        String partition = new ProtectedItem("user", user).partition(Workload.CALENDAR);
        Map<String, List<String>> atts = new HashMap<>();
        Map<String, String> calendars = new HashMap<>();
        List<CatalogEntry> events = new ArrayList<>();
        for (CatalogEntry e : repo.catalog().at(partition, t)) {
            switch (e.kind()) {
                case ItemKind.EVENT_ATTACHMENT -> atts.computeIfAbsent(e.parent(), k -> new ArrayList<>()).add(
                        JSON.readTree(e.metadata()).path("name").asText() + ":" + SimTenant.sha256(repo.reader().readAll(e.content())));
                case ItemKind.CALENDAR -> calendars.put(e.itemId(), JSON.readTree(e.metadata()).path("name").asText());
                case ItemKind.EVENT -> events.add(e);
                default -> { }
            }
        }
        Map<String, JsonNode> out = new TreeMap<>();
        for (CatalogEntry e : events) {
            if (except != null && except.contains(e.itemId())) {
                continue;
            }
            ObjectNode j = (ObjectNode) JSON.readTree(e.metadata());
            ArrayNode files = j.putArray("attachmentHashes");
            atts.getOrDefault(e.itemId(), List.of()).stream().sorted().forEach(files::add);
            out.put(calendars.get(e.parent()) + "|" + j.path("subject").asText() + "|" + j.path("start").path("dateTime").asText(), j);
        }
        return out;
    }

    /** What a restore keeps of an event: its own fields, its exceptions' and its cancelled dates, its attachments. */
    private static JsonNode kept(JsonNode e) {
        ObjectNode k = ((ObjectNode) e.deepCopy()).retain(KEPT);
        k.set("attachmentHashes", e.get("attachmentHashes"));
        List<String> exceptions = new ArrayList<>();
        e.path("exceptionOccurrences").forEach(x -> exceptions.add(x.path("originalStart").asText() + " -> " + x.path("subject").asText()
                + " " + x.path("start") + " " + x.path("end") + " " + x.path("location")));
        exceptions.sort(null);
        exceptions.forEach(k.putArray("exceptions")::add);
        List<String> cancelled = new ArrayList<>();
        e.path("cancelledOccurrences").forEach(c -> cancelled.add(c.asText().substring(c.asText().length() - 10)));
        cancelled.sort(null);
        cancelled.forEach(k.putArray("cancelledDates")::add);
        return k;
    }

    /** The organizer and attendees a restored meeting keeps in its extended property, read through Graph. */
    private static JsonNode keptMeeting(TenantGraph graph, String user, String eventId) throws Exception {
        String property = "String {8c1b2f4e-5d0a-4f53-9b7e-3a6d2c9e1f70} Name m365vault.meeting";
        JsonNode e = graph.requests().getJson("/users/" + Json.seg(user) + "/events/" + Json.seg(eventId)
                + "?$expand=singleValueExtendedProperties($filter=id%20eq%20'" + java.net.URLEncoder.encode(property, "UTF-8").replace("+", "%20") + "')",
                Map.of());
        for (JsonNode p : e.path("singleValueExtendedProperties")) {
            if (p.path("id").asText().equals(property)) {
                return JSON.readTree(p.path("value").asText());
            }
        }
        throw new AssertionError("no " + property + " on " + e);
    }
}
