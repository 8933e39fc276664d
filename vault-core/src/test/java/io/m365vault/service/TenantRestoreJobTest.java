package io.m365vault.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.storage.queue.QueueClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.backup.BackupOptions;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.graph.GraphClients;
import io.m365vault.graph.GraphSettings;
import io.m365vault.graph.TenantGraph;
import io.m365vault.graph.ThrottleConfig;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.graphsim.model.SimUser;
import io.m365vault.repo.Repository;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A restore into the tenant as the HTTP API and the restore-jobs queue run it: submitted, queued, run, its status. */
@ExtendWith(AzuriteExtension.class)
class TenantRestoreJobTest {
    @TempDir
    Path tmp;

    @Test
    void aJobRestoresMailIntoAnotherMailboxAndReportsWhatFailed(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(41).users(12).messagesPerFolder(3).build().start();
             Repository repo = ServiceFixture.repo(account, tmp);
             TenantGraph graph = GraphClients.create(GraphSettings.anonymous(sim.baseUrl()), ThrottleConfig.defaults())) {
            SimUser a = BackupItemServiceTest.mailUser(sim);
            SimUser b = secondMailUser(sim, a);
            ProtectedItem item = new ProtectedItem("user", a.id);
            backUp(sim, repo, account, item, Workload.MAIL);
            QueueClient queue = ServiceFixture.storage(account).queues().getQueueClient("tr" + Long.toHexString(System.nanoTime()));
            RestoreService restores = restores(sim, repo, account, graph, queue);

            // Named by UPN, the target is recorded by id; a target the tenant does not have is refused before anything is queued.
            RestoreJob queued = restores.submit("{\"item\":\"" + item + "\",\"target\":\"alternate\",\"toItem\":\"user:"
                    + b.userPrincipalName + "\",\"folder\":\"Restored\"}");
            assertEquals(new ProtectedItem("user", b.id), queued.request().tenant().toItem());
            assertEquals(queued.id(), RestoreService.jobOf(QueueSender.decode(queue.receiveMessage().getBody().toString())));
            NotFoundException nobody = assertThrows(NotFoundException.class, () -> restores.submit("{\"item\":\"" + item
                    + "\",\"target\":\"alternate\",\"toItem\":\"user:nobody@nowhere.example\"}"));
            assertTrue(nobody.getMessage().contains("the tenant has no user nobody@nowhere.example"), nobody.getMessage());

            ObjectNode fault = new ObjectMapper().createObjectNode();
            fault.putArray("inject").addObject().put("path", "/messages").put("method", "POST").put("status", 400)
                    .put("code", "ErrorInvalidProperty").put("count", 1);
            sim.faults(fault);
            RestoreJob done = restores.run(queued.id());
            assertEquals("done", done.state(), done.error());
            TenantProgress p = done.tenant();
            assertEquals(1, p.failed());
            assertEquals(p.items() - 1, p.restored());
            assertTrue(done.error().startsWith("1 of " + p.items() + " items not restored"), done.error());
            assertTrue(p.failedItems().get(0).startsWith("mail message ") && p.failedItems().get(0).contains("400"), p.failedItems().toString());
            assertEquals(done.tenant(), restores.run(queued.id()).tenant(), "a redelivered message restores nothing again");

            JsonNode status = new ObjectMapper().readTree(ApiJson.job(restores.get(queued.id()).orElseThrow()).toString());
            assertEquals(p.restored(), status.path("progress").path("restored").asLong());
            assertEquals(1, status.path("failedItems").size());
            assertTrue(status.path("download").isMissingNode(), "a tenant restore has nothing to download");
            long inRestored = 0;
            for (JsonNode m : sim.snapshot(b.id).path("mail")) {
                inRestored += m.get("folder").asText().startsWith("Restored/") ? 1 : 0;
            }
            assertEquals(p.restored(), inRestored);
            assertTrue(status.path("progress").path("perMinute").asLong() > 0, status.toString());
            assertEquals(0, status.path("progress").path("etaSeconds").asLong(), "nothing left once done: " + status);

            // Only mail was backed up: a job of calendar alone fails with why; one of mail and calendar restores the mail.
            RestoreJob calendar = restores.run(restores.submit("{\"item\":\"" + item + "\",\"target\":\"alternate\",\"toItem\":\"user:"
                    + b.id + "\",\"workloads\":[\"calendar\"]}").id());
            assertEquals("failed", calendar.state());
            assertTrue(calendar.error().startsWith("nothing of " + item + "'s calendar is in repository"), calendar.error());
            RestoreJob both = restores.run(restores.submit("{\"item\":\"" + item + "\",\"target\":\"alternate\",\"toItem\":\"user:"
                    + b.id + "\",\"workloads\":[\"mail\",\"calendar\"],\"folder\":\"Again\"}").id());
            assertTrue(both.complete(), both.state() + " " + both.error());
            assertEquals(p.items(), both.tenant().restored(), "the mail, and no calendar");
        }
    }

    @Test
    void aJobRestoresMailCalendarAndContactsTogether(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(42).users(12).messagesPerFolder(2).build().start();
             Repository repo = ServiceFixture.repo(account, tmp);
             TenantGraph graph = GraphClients.create(GraphSettings.anonymous(sim.baseUrl()), ThrottleConfig.defaults())) {
            SimUser a = BackupItemServiceTest.mailUser(sim);
            SimUser b = secondMailUser(sim, a);
            ProtectedItem item = new ProtectedItem("user", a.id);
            backUp(sim, repo, account, item, Workload.MAIL, Workload.CALENDAR, Workload.CONTACTS);
            RestoreService restores = restores(sim, repo, account, graph,
                    ServiceFixture.storage(account).queues().getQueueClient("tr" + Long.toHexString(System.nanoTime())));
            int mail = sim.snapshot(b.id).path("mail").size();
            int events = sim.snapshot(b.id).path("events").size();
            int contacts = sim.snapshot(b.id).path("contacts").size();

            RestoreJob queued = restores.submit("{\"item\":\"" + item + "\",\"target\":\"alternate\",\"toItem\":\"user:" + b.id
                    + "\",\"workloads\":[\"mail\",\"calendar\",\"contacts\"],\"folder\":\"Restored\"}");
            RestoreJob done = restores.run(queued.id());
            assertEquals("done", done.state(), done.error());
            assertTrue(done.complete(), done.tenant().failedItems().toString());
            TenantProgress p = done.tenant();
            long mailAdded = sim.snapshot(b.id).path("mail").size() - mail;
            long eventsAdded = 0;
            for (JsonNode e : sim.snapshot(b.id).path("events")) {
                eventsAdded += e.get("calendar").asText().startsWith("Restored/") && !e.get("type").asText().equals("exception") ? 1 : 0;
            }
            long contactsAdded = sim.snapshot(b.id).path("contacts").size() - contacts;
            assertTrue(mailAdded > 0 && eventsAdded > 0 && contactsAdded > 0, mailAdded + " " + eventsAdded + " " + contactsAdded);
            assertTrue(sim.snapshot(b.id).path("events").size() > events);
            assertEquals(mailAdded + eventsAdded + contactsAdded, p.items(), "one total over the three workloads");
            assertEquals(p.items(), p.restored());
            assertEquals(p.items(), p.done());
        }
    }

    @Test
    void everyTargetIsCheckedBeforeAnyWorkloadWrites(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(44).users(12).messagesPerFolder(2).filesPerDrive(4).build().start();
             Repository repo = ServiceFixture.repo(account, tmp);
             TenantGraph graph = GraphClients.create(GraphSettings.anonymous(sim.baseUrl()), ThrottleConfig.defaults())) {
            SimUser a = BackupItemServiceTest.mailUser(sim);
            ProtectedItem item = new ProtectedItem("user", a.id);
            backUp(sim, repo, account, item, Workload.MAIL, Workload.FILES);
            SimUser noOneDrive = null;
            for (int i = 0; noOneDrive == null; i++) {
                noOneDrive = sim.tenant().directory().user(i).kind == SimUser.Kind.NO_ONEDRIVE ? sim.tenant().directory().user(i) : null;
            }
            int before = sim.snapshot(noOneDrive.id).path("mail").size();
            RestoreService restores = restores(sim, repo, account, graph,
                    ServiceFixture.storage(account).queues().getQueueClient("tr" + Long.toHexString(System.nanoTime())));

            // Mail comes first, but the OneDrive the files need is missing: nothing is written, mail included.
            RestoreJob job = restores.run(restores.submit("{\"item\":\"" + item + "\",\"target\":\"alternate\",\"toItem\":\"user:"
                    + noOneDrive.id + "\",\"workloads\":[\"mail\",\"files\"],\"folder\":\"Restored\"}").id());
            assertEquals("failed", job.state());
            assertEquals("user:" + noOneDrive.id + " has no OneDrive (404 ResourceNotFound): its licence lacks SharePoint (OneDrive), or its"
                    + " OneDrive was never made (it is made at first sign-in)", job.error());
            assertEquals(before, sim.snapshot(noOneDrive.id).path("mail").size(), "no message written before the files' check failed");
        }
    }

    @Test
    void aJobRestoresASitesListsAndPagesIntoAnotherSiteWithItsNotes(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(43).users(10).build().start();
             Repository repo = ServiceFixture.repo(account, tmp);
             TenantGraph graph = GraphClients.create(GraphSettings.anonymous(sim.baseUrl()), ThrottleConfig.defaults())) {
            ProtectedItem a = new ProtectedItem("site", sim.tenant().sites().sites().get(1).id);
            String b = sim.tenant().sites().sites().get(2).id;
            backUp(sim, repo, account, a, Workload.LISTS, Workload.PAGES);
            RestoreService restores = restores(sim, repo, account, graph,
                    ServiceFixture.storage(account).queues().getQueueClient("tr" + Long.toHexString(System.nanoTime())));
            int items = sim.snapshot(b).path("lists").size();
            int pages = sim.snapshot(b).path("pages").size();

            RestoreJob done = restores.run(restores.submit("{\"item\":\"" + a + "\",\"target\":\"alternate\",\"toItem\":\"site:" + b
                    + "\",\"workloads\":[\"lists\",\"pages\"]}").id());
            assertEquals("done", done.state(), done.error());
            assertTrue(done.complete(), done.tenant().failedItems().toString());
            TenantProgress p = done.tenant();
            int added = sim.snapshot(b).path("lists").size() - items + sim.snapshot(b).path("pages").size() - pages;
            assertEquals(p.items(), added, "every list item (the people list's not among them) and page, one total");
            assertEquals(p.items(), p.restored());
            assertEquals(3, sim.snapshot(b).path("pages").size() - pages);
            JsonNode status = new ObjectMapper().readTree(ApiJson.job(restores.get(done.id()).orElseThrow()).toString());
            assertEquals(p.notes().size(), status.path("notes").size());
            assertTrue(p.notes().stream().anyMatch(n -> n.contains("AssignedTo left out where the person is not in the target site's people list")),
                    p.notes().toString());
        }
    }

    /** A backup run of {@code item}'s workloads through the backup service. */
    static void backUp(GraphSim sim, Repository repo, AzuriteExtension.StorageAccount account, ProtectedItem item, Workload... workloads) {
        String run = TimeIds.next(Instant.now());
        PlannedItem planned = new PlannedItem(item, Set.of(workloads));
        new RunStore(repo.state()).create(run, Instant.now(), "test", new Plan(List.of(planned), List.of()));
        new BackupItemService(repo, ServiceFixture.graph(sim), BackupOptions.DEFAULTS,
                ItemLease.container(ServiceFixture.storage(account)), Clock.systemUTC()).backup(run, planned);
    }

    /** The restore service as the Functions make it, its jobs queued on {@code queue} (created here). */
    static RestoreService restores(GraphSim sim, Repository repo, AzuriteExtension.StorageAccount account, TenantGraph graph,
                                           QueueClient queue) {
        queue.create();
        var container = ServiceFixture.storage(account).blobs().getBlobContainerClient("exports" + Long.toHexString(System.nanoTime()));
        container.create();
        return new RestoreService(repo, new ItemLookup(repo, ServiceFixture.graph(sim), Clock.systemUTC()),
                new QueueSender(queue, 1), new ExportStore(container, Duration.ofDays(7), Clock.systemUTC()), Clock.systemUTC(), graph,
                ItemLease.container(ServiceFixture.storage(account)));
    }

    static SimUser secondMailUser(GraphSim sim, SimUser first) {
        for (int i = 0; ; i++) {
            SimUser u = sim.tenant().directory().user(i);
            if (u.kind == SimUser.Kind.NORMAL && u.hasMailbox() && !u.id.equals(first.id)) {
                return u;
            }
        }
    }
}
