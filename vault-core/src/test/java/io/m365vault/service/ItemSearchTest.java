package io.m365vault.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.BackupOptions;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.Json;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.graphsim.model.SimUser;
import io.m365vault.repo.Repository;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Search over a backed-up mailbox's catalog: by subject words, sender and dates, each hit browsable where it says it is. */
@ExtendWith(AzuriteExtension.class)
class ItemSearchTest {
    @TempDir
    Path tmp;

    @Test
    void findsMessagesAndEventsBySubjectSenderAndDateAndNamesTheirFolder(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(4).users(5).messagesPerFolder(3).build().start();
             Repository repo = ServiceFixture.repo(account, tmp)) {
            SimUser user = BackupItemServiceTest.mailUser(sim);
            ProtectedItem item = new ProtectedItem("user", user.id);
            PlannedItem planned = new PlannedItem(item, Set.of(Workload.MAIL, Workload.CALENDAR));
            RunStore runs = new RunStore(repo.state());
            String run = TimeIds.next(Instant.now());
            runs.create(run, Instant.now(), "test", new Plan(List.of(planned), List.of()));
            new BackupItemService(repo, ServiceFixture.graph(sim), BackupOptions.DEFAULTS, ItemLease.container(ServiceFixture.storage(account)),
                    Clock.systemUTC()).backup(run, planned);
            JsonNode message = sim.snapshot(user.id).get("mail").get(0);
            String subject = message.get("subject").asText();
            Instant received = Instant.parse(message.get("receivedDateTime").asText());
            ItemSearch search = new ItemSearch(repo);
            Instant now = Instant.now();

            // Two words of the subject, in another case and order: the message, in the folder the browser opens.
            String[] words = subject.split("\\s+");
            String q = (words[words.length - 1] + " " + words[0]).toUpperCase();
            ItemSearch.Result bySubject = search.search(item, now, q, null, null);
            ItemSearch.Hit hit = bySubject.hits().stream().filter(h -> h.entry().id().equals(message.get("id").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError(q + " did not find " + subject + ": " + bySubject.hits()));
            assertEquals(ItemKind.MESSAGE, hit.entry().kind());
            assertEquals(received, hit.date());
            assertEquals("mail/" + message.get("folder").asText(), hit.path());
            assertTrue(new ItemBrowser(repo).list(item, now, hit.path()).stream().anyMatch(e -> e.id().equals(hit.entry().id())),
                    "the hit is in the folder its path names: " + hit.path());
            assertTrue(hit.sender().contains(message.get("from").asText()), hit.sender());
            assertTrue(bySubject.hits().stream().allMatch(h -> h.entry().name().toUpperCase().contains(words[0].toUpperCase())
                    || h.sender().toUpperCase().contains(words[0].toUpperCase())), "every hit has every word");

            // By sender address: every hit is from them; by the message's day: it is there, and nothing outside that day.
            String from = message.get("from").asText();
            ItemSearch.Result bySender = search.search(item, now, from, null, null);
            assertTrue(bySender.hits().stream().anyMatch(h -> h.entry().id().equals(hit.entry().id())));
            assertTrue(bySender.hits().stream().allMatch(h -> h.sender() != null && h.sender().contains(from)), bySender.hits().toString());
            SearchQuery day = SearchQuery.parse(null, received.toString().substring(0, 10), received.toString().substring(0, 10));
            ItemSearch.Result onTheDay = search.search(item, now, null, day.from(), day.to());
            assertTrue(onTheDay.hits().stream().anyMatch(h -> h.entry().id().equals(hit.entry().id())));
            assertTrue(onTheDay.hits().stream().allMatch(h -> !h.date().isBefore(day.from()) && h.date().isBefore(day.to())));
            assertFalse(search.search(item, now, q, received.plusSeconds(1), null).hits().stream()
                    .anyMatch(h -> h.entry().id().equals(hit.entry().id())), "from is inclusive of the time and nothing earlier");

            // An event: found by its subject, under its calendar, dated by its start.
            JsonNode event = sim.snapshot(user.id).get("events").get(0);
            ItemSearch.Result events = search.search(item, now, event.get("subject").asText(), null, null);
            assertTrue(events.hits().stream().anyMatch(h -> h.entry().kind().equals(ItemKind.EVENT) && h.path().startsWith("calendar/")),
                    events.hits().toString());

            // Before the backup nothing is there; newest first.
            assertThrows(NotFoundException.class, () -> new ItemLookup(repo, ServiceFixture.graph(sim), Clock.systemUTC())
                    .backedUp(item, Instant.parse("2001-01-01T00:00:00Z")));
            List<Instant> dates = onTheDay.hits().stream().map(ItemSearch.Hit::date).toList();
            assertEquals(dates.stream().sorted(java.util.Comparator.reverseOrder()).toList(), dates);

            // Through the API's router, as both servers call it.
            ApiHandler api = new ApiHandler(() -> { throw new IllegalStateException("no restores here"); }, runs, new ItemBrowser(repo),
                    search, new ItemLookup(repo, ServiceFixture.graph(sim), Clock.systemUTC()), new Inventory(repo.state()), Clock.systemUTC());
            ApiResponse ok = api.route("GET", List.of("api", "items", item.toString(), "search"), Map.of("q", q), null);
            assertEquals(200, ok.status(), ok.json());
            JsonNode body = Json.read(ok.json().getBytes(StandardCharsets.UTF_8));
            assertFalse(body.get("more").asBoolean());
            assertTrue(body.get("hits").toString().contains("\"path\":\"" + hit.path() + "\""), ok.json());
            assertEquals(400, api.route("GET", List.of("api", "items", item.toString(), "search"), Map.of(), null).status());
            ApiResponse badDay = api.route("GET", List.of("api", "items", item.toString(), "search"), Map.of("from", "yesterday"), null);
            assertTrue(badDay.status() == 400 && badDay.json().contains("from must be a UTC time"), badDay.json());
            assertEquals(400, api.route("GET", List.of("api", "items", item.toString(), "search"),
                    Map.of("from", "2026-11-20", "to", "2026-11-19"), null).status());
            assertEquals(400, api.route("GET", List.of("api", "items", "user:../x", "search"), Map.of("q", "a"), null).status());
            assertEquals(404, api.route("GET", List.of("api", "items", "user:nobody", "search"), Map.of("q", "a"), null).status());
            assertEquals(405, api.route("POST", List.of("api", "items", item.toString(), "search"), Map.of("q", "a"), "").status());
        }
    }
}
