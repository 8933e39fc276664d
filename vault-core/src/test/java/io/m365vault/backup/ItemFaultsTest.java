package io.m365vault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365vault.backup.ItemResult.WorkloadResult;
import io.m365vault.graph.GraphClients;
import io.m365vault.graph.GraphReader;
import io.m365vault.graph.GraphSettings;
import io.m365vault.graph.TenantGraphReader;
import io.m365vault.graph.ThrottleConfig;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.repo.Repository;
import io.m365vault.restore.ExportOptions;
import io.m365vault.restore.ItemExporter;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** One bad item never costs the rest: content faults per item, through graph-sim and the real SDK, into Azurite. */
@ExtendWith(AzuriteExtension.class)
class ItemFaultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Repository repo(AzuriteExtension.StorageAccount account) throws Exception {
        return SimTenant.repo(account, tmp, "f");
    }

    /** Few, fast retries: a fault outlasts them in milliseconds. */
    private static GraphReader reader(GraphSim sim) {
        ThrottleConfig fast = ThrottleConfig.defaults().withBackoff(Duration.ofMillis(2), Duration.ofMillis(20)).withMaxAttempts(3);
        return new TenantGraphReader(GraphClients.create(GraphSettings.anonymous(sim.baseUrl()), fast), 10);
    }

    private static void inject(GraphSim sim, String path, int status, int count) throws Exception {
        sim.faults(JSON.readTree("{\"retryAfterSeconds\":0,\"inject\":[{\"path\":\"" + path + "\",\"status\":" + status + ",\"count\":" + count + "}]}"));
    }

    @Test
    void aMessageThatAlwaysFailsIsAFailedItemAndEveryOtherMessageExportsByteForByte(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(61).users(4).messagesPerFolder(6).build().start(); Repository repo = repo(account)) {
            String user = SimTenant.mailUser(sim);
            ProtectedItem item = new ProtectedItem("user", user);
            Map<String, String> mail = SimTenant.simMail(sim, user);
            List<String> ids = new ArrayList<>(mail.keySet());
            // One in an early folder (sorted ids put folders in no order): every later folder must still be backed up.
            String broken = ids.get(1);
            String missingOnce = ids.get(ids.size() - 2);
            inject(sim, "/messages/" + broken + "/$value", 500, 1_000_000);
            inject(sim, "/messages/" + missingOnce + "/$value", 404, 1);
            ItemBackup backup = new ItemBackup(repo, reader(sim), BackupOptions.DEFAULTS);

            Instant t1 = Instant.now();
            WorkloadResult first = backup.run("r1", t1, item, Set.of(Workload.MAIL)).workloads().get(Workload.MAIL);
            assertEquals(WorkloadResult.Outcome.DONE, first.outcome(), first.reason());
            assertEquals(Set.of(broken, missingOnce), first.faults().stream().map(ItemFault::itemId).collect(Collectors.toSet()),
                    first.faults().toString());
            assertEquals(2, first.stats().failed());
            assertTrue(first.faults().stream().anyMatch(f -> f.itemId().equals(broken) && f.reason().contains("500")), first.faults().toString());
            assertTrue(first.faults().stream().anyMatch(f -> f.itemId().equals(missingOnce) && f.reason().contains("404")), first.faults().toString());
            Map<String, String> expected1 = new TreeMap<>(mail);
            expected1.remove(broken);
            expected1.remove(missingOnce);
            SimTenant.assertSame(expected1, SimTenant.backedUpMail(repo, user, t1));

            // The next run retries both from the list: the 404 was passing, the 500 is not.
            Instant t2 = t1.plusSeconds(60);
            WorkloadResult second = backup.run("r2", t2, item, Set.of(Workload.MAIL)).workloads().get(Workload.MAIL);
            assertEquals(WorkloadResult.Outcome.DONE, second.outcome(), second.reason());
            assertEquals(List.of(broken), second.faults().stream().map(ItemFault::itemId).toList(), second.faults().toString());
            Map<String, String> expected2 = new TreeMap<>(mail);
            expected2.remove(broken);
            var export = new ItemExporter().export(repo, item, t2, tmp.resolve("export"), ExportOptions.defaults());
            SimTenant.assertSame(expected2, SimTenant.exportedMail(export));
            assertEquals(1, repo.state().list("failed:" + item.partition(Workload.MAIL)).size(), "only the broken message is left to retry");
        }
    }

    @Test
    void aServiceUnavailableOutlastingTheRetriesAndA405AreFailedItemsOfTheirWorkloads(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(62).users(4).messagesPerFolder(3).build().start(); Repository repo = repo(account)) {
            String user = SimTenant.mailUser(sim);
            ProtectedItem item = new ProtectedItem("user", user);
            String unavailable = new ArrayList<>(SimTenant.simMail(sim, user).keySet()).get(0);
            inject(sim, "/messages/" + unavailable + "/$value", 503, 1_000_000);
            // Graph answers 405 to $value of a cloud-link attachment: one event attachment does here.
            JsonNode withAttachment = null;
            for (JsonNode e : sim.snapshot(user).path("events")) {
                if (e.path("attachments").size() > 0 && withAttachment == null) {
                    withAttachment = e;
                }
            }
            assertTrue(withAttachment != null, "the simulated calendar has an event with attachments");
            int attachments = withAttachment.path("attachments").size();
            inject(sim, "/events/" + withAttachment.get("id").asText() + "/attachments/", 405, attachments);

            Instant t = Instant.now();
            ItemResult r = new ItemBackup(repo, reader(sim), BackupOptions.DEFAULTS).run("r", t, item, Set.of(Workload.MAIL, Workload.CALENDAR));
            WorkloadResult mail = r.workloads().get(Workload.MAIL);
            WorkloadResult calendar = r.workloads().get(Workload.CALENDAR);
            assertEquals(WorkloadResult.Outcome.DONE, mail.outcome(), mail.reason());
            assertEquals(WorkloadResult.Outcome.DONE, calendar.outcome(), calendar.reason());
            assertEquals(List.of(unavailable), mail.faults().stream().map(ItemFault::itemId).toList());
            assertEquals(withAttachment.path("attachments").size(), calendar.faults().size(), calendar.faults().toString());
            assertTrue(calendar.faults().stream().allMatch(f -> f.kind().equals(ItemKind.EVENT_ATTACHMENT) && f.reason().contains("405")),
                    calendar.faults().toString());
            Map<String, String> expected = new TreeMap<>(SimTenant.simMail(sim, user));
            expected.remove(unavailable);
            SimTenant.assertSame(expected, SimTenant.backedUpMail(repo, user, t));
            assertEquals(SimTenant.simEvents(sim, user).keySet(), SimTenant.backedUpEvents(repo, user, t).keySet(),
                    "every event is backed up, the one with the failing attachments too");

            // The event did not change, yet its failed attachments are retried next run, and now they read.
            Instant t2 = t.plusSeconds(60);
            WorkloadResult again = new ItemBackup(repo, reader(sim), BackupOptions.DEFAULTS).run("r2", t2, item, Set.of(Workload.CALENDAR))
                    .workloads().get(Workload.CALENDAR);
            assertEquals(List.of(), again.faults());
            SimTenant.assertSame(SimTenant.simEvents(sim, user), SimTenant.backedUpEvents(repo, user, t2));
            assertEquals(List.of(), repo.state().list("failed:" + item.partition(Workload.CALENDAR)));
        }
    }

    @Test
    void anEventWhoseAttachmentsCannotBeListedIsAFailedItemAndTheNextRunBacksThemUp(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(64).users(4).messagesPerFolder(2).build().start(); Repository repo = repo(account)) {
            String user = SimTenant.mailUser(sim);
            ProtectedItem item = new ProtectedItem("user", user);
            List<String> withAttachments = new ArrayList<>();
            for (JsonNode e : sim.snapshot(user).path("events")) {
                // An exception's files are read and reported with its series: singles and masters here.
                if (e.path("attachments").size() > 0 && !e.path("type").asText().equals("exception")) {
                    withAttachments.add(e.get("id").asText());
                }
            }
            assertTrue(withAttachments.size() >= 2, "the simulated calendar has events with attachments: " + withAttachments);
            String broken = withAttachments.get(0);
            inject(sim, "/events/" + broken + "/attachments", 500, 1_000_000);

            Instant t = Instant.now();
            WorkloadResult first = new ItemBackup(repo, reader(sim), BackupOptions.DEFAULTS).run("r1", t, item, Set.of(Workload.CALENDAR))
                    .workloads().get(Workload.CALENDAR);
            assertEquals(WorkloadResult.Outcome.DONE, first.outcome(), "one event's attachments do not fail the calendar: " + first.reason());
            assertEquals(List.of(broken), first.faults().stream().map(ItemFault::itemId).toList(), first.faults().toString());
            Map<String, String> expected = SimTenant.simEvents(sim, user);
            Map<String, String> got = SimTenant.backedUpEvents(repo, user, t);
            for (String id : withAttachments.subList(1, withAttachments.size())) {
                assertEquals(expected.get(id), got.get(id), "the other events' attachments are backed up");
            }

            sim.faults(JSON.readTree("{\"clearInjected\":true}"));
            Instant t2 = t.plusSeconds(60);
            WorkloadResult again = new ItemBackup(repo, reader(sim), BackupOptions.DEFAULTS).run("r2", t2, item, Set.of(Workload.CALENDAR))
                    .workloads().get(Workload.CALENDAR);
            assertEquals(List.of(), again.faults());
            SimTenant.assertSame(expected, SimTenant.backedUpEvents(repo, user, t2));
            assertEquals(List.of(), repo.state().list("failed:" + item.partition(Workload.CALENDAR)));
        }
    }

    @Test
    void aFolderThatIsGoneClosesAndOneThatCannotBeReadDoesNotStopTheOthers(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(63).users(4).messagesPerFolder(3).build().start(); Repository repo = repo(account)) {
            String user = SimTenant.mailUser(sim);
            ProtectedItem item = new ProtectedItem("user", user);
            ItemBackup backup = new ItemBackup(repo, reader(sim), BackupOptions.DEFAULTS);
            Instant t1 = Instant.now();
            assertTrue(backup.run("r1", t1, item, Set.of(Workload.MAIL)).ok());
            String partition = item.partition(Workload.MAIL);
            Map<String, String> folders = new TreeMap<>();
            repo.catalog().at(partition, t1, ItemKind.MAIL_FOLDER, f -> folders.put(f.itemId(), f.itemId()));
            List<String> ids = new ArrayList<>(folders.keySet());
            String gone = ids.get(0);
            String unreadable = ids.get(ids.size() - 1);
            sim.mutate(9, 0.5, "messages");
            inject(sim, "/mailFolders/" + gone + "/messages/delta", 404, 1);
            inject(sim, "/mailFolders/" + unreadable + "/messages/delta", 500, 1);

            Instant t2 = t1.plusSeconds(60);
            WorkloadResult r = backup.run("r2", t2, item, Set.of(Workload.MAIL)).workloads().get(Workload.MAIL);
            assertEquals(WorkloadResult.Outcome.FAILED, r.outcome(), "a folder that could not be read is reported");
            assertTrue(r.reason().startsWith("1 of " + ids.size() + " folders could not be read (the others are backed up)"), r.reason());
            Map<String, String> now = SimTenant.backedUpMail(repo, user, t2);
            Map<String, String> sim2 = SimTenant.simMail(sim, user);
            int others = 0;
            for (Map.Entry<String, String> m : sim2.entrySet()) {
                String folderOf = repo.catalog().versions(partition, m.getKey()).isEmpty() ? null
                        : repo.catalog().versions(partition, m.getKey()).get(0).parent();
                if (gone.equals(folderOf) || unreadable.equals(folderOf)) {
                    continue;
                }
                others++;
                assertEquals(m.getValue(), now.get(m.getKey()), "every other folder is backed up: " + m.getKey());
            }
            assertTrue(others > 0);
            assertTrue(repo.catalog().current(partition, gone).isEmpty(), "the folder that answered 404 is closed");
            repo.catalog().at(partition, t2, ItemKind.MESSAGE, m -> assertTrue(!gone.equals(m.parent()), "and its messages with it"));
            assertTrue(repo.catalog().current(partition, unreadable).isPresent(), "the unreadable folder is kept for the next run");
        }
    }
}
