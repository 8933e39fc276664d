package io.m365vault.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.repo.FileKek;
import io.m365vault.repo.Repository;
import io.m365vault.repo.StorageAccount;
import io.m365vault.service.BackupMessage;
import io.m365vault.service.BackupQueue;
import io.m365vault.service.ItemState;
import io.m365vault.service.ItemStatus;
import io.m365vault.service.Plan;
import io.m365vault.service.QueueNames;
import io.m365vault.service.QueueSender;
import io.m365vault.service.TimeIds;
import io.m365vault.service.VaultServices;
import io.m365vault.service.VaultSettings;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** vault serve's backup-items worker on Azurite and graph-sim: what it cannot back up goes to the poison queue, as on Azure. */
@ExtendWith(AzuriteExtension.class)
class BackupWorkerTest {
    @TempDir
    Path tmp;

    @Test
    void aMessageThatNamesNoItemGoesToThePoisonQueueAndReachesNothing(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(3).users(2).build().start(); VaultServices vs = open(account, sim)) {
            Queues q = queues(vs.storage());
            String badItem = "{\"run\":\"" + TimeIds.next(Instant.now()) + "\",\"item\":\"user:../../etc/passwd\",\"workloads\":[\"mail\"]}";
            new QueueSender(q.items, 1).sendAll(List.of(badItem, "{not json"));
            long requests = sim.stats().get("requests").asLong();
            try (QueuePump pump = new BackupWorker(vs.backupQueue()).pump(vs.storage(), 2, r -> { })) {
                pump.drain();
            }
            assertEquals(List.of(badItem, "{not json").stream().sorted().toList(), texts(q.poison).stream().sorted().toList());
            assertEquals(0, q.items.getProperties().getApproximateMessagesCount(), "taken off backup-items");
            assertEquals(requests, sim.stats().get("requests").asLong(), "no Graph request");
        }
    }

    @Test
    void aMessageReceivedMoreOftenThanMaxDequeueCountIsPoisonedWithoutRunning(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(3).users(2).build().start(); VaultServices vs = open(account, sim)) {
            Queues q = queues(vs.storage());
            String runId = TimeIds.next(Instant.now());
            String text = "{\"run\":\"" + runId + "\",\"item\":\"user:" + sim.tenant().directory().user(0).id + "\",\"workloads\":[\"mail\"]}";
            vs.runs().create(runId, Instant.now(), "test", new Plan(List.of(BackupMessage.parse(text).planned()), List.of()));
            new QueueSender(q.items, 1).send(text);
            // Received and never finished, as by workers killed while handling it.
            for (int i = 0; i < BackupWorker.MAX_DEQUEUE_COUNT; i++) {
                QueueMessageItem m = q.items.receiveMessages(1, Duration.ofSeconds(30), null, null).iterator().next();
                q.items.updateMessage(m.getMessageId(), m.getPopReceipt(), null, Duration.ZERO);
            }
            long requests = sim.stats().get("requests").asLong();
            try (QueuePump pump = new BackupWorker(vs.backupQueue()).pump(vs.storage(), 1, r -> { })) {
                pump.drain();
            }
            assertEquals(List.of(text), texts(q.poison));
            assertEquals(requests, sim.stats().get("requests").asLong(), "not backed up");
            ItemStatus s = vs.runs().items(runId).get(0);
            assertEquals(ItemState.POISON, s.state(), s.toString());
            assertTrue(s.errors().toString().contains("received " + (BackupWorker.MAX_DEQUEUE_COUNT + 1) + " times"), s.errors().toString());
        }
    }

    @Test
    void aDrainStopsAtOnceWhenGraphRefusesTheApp(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(3).users(2).build().start(); VaultServices vs = open(account, sim)) {
            Queues q = queues(vs.storage());
            String runId = TimeIds.next(Instant.now());
            String user = sim.tenant().directory().user(0).id;
            String text = "{\"run\":\"" + runId + "\",\"item\":\"user:" + user + "\",\"workloads\":[\"mail\"]}";
            vs.runs().create(runId, Instant.now(), "test", new Plan(List.of(BackupMessage.parse(text).planned()), List.of()));
            new QueueSender(q.items, 1).send(text);
            com.fasterxml.jackson.databind.node.ObjectNode f = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
            f.putArray("inject").addObject().put("path", "users/" + user + "/mailFolders").put("status", 403)
                    .put("code", "Authorization_RequestDenied").put("count", 1);
            sim.faults(f);
            long t0 = System.nanoTime();
            try (QueuePump pump = new BackupWorker(vs.backupQueue()).pump(vs.storage(), 1, r -> { })) {
                io.m365vault.graph.CredentialsRefusedException e = org.junit.jupiter.api.Assertions.assertThrows(
                        io.m365vault.graph.CredentialsRefusedException.class, pump::drain);
                assertTrue(e.getMessage().startsWith("GRAPH_CLIENT_ID: Graph refuses GET "), e.getMessage());
            }
            assertTrue(System.nanoTime() - t0 < 20_000_000_000L, "not after the queue's retries");
        }
    }

    @Test
    void givesUpAfterHostJsonsMaxDequeueCount() throws Exception {
        var hostJson = new com.fasterxml.jackson.databind.ObjectMapper().readTree(Path.of("..", "host.json").toFile());
        assertEquals(hostJson.get("extensions").get("queues").get("maxDequeueCount").asInt(), BackupWorker.MAX_DEQUEUE_COUNT);
    }

    private record Queues(QueueClient items, QueueClient poison) {
    }

    private static Queues queues(StorageAccount storage) {
        QueueClient items = QueueNames.queue(storage, QueueNames.BACKUP_ITEMS);
        QueueClient poison = QueueNames.queue(storage, BackupQueue.POISON);
        items.clearMessages();
        poison.clearMessages();
        return new Queues(items, poison);
    }

    private static List<String> texts(QueueClient queue) {
        List<String> out = new ArrayList<>();
        queue.receiveMessages(32).forEach(m -> out.add(QueueSender.decode(m.getBody().toString())));
        return out;
    }

    private VaultServices open(AzuriteExtension.StorageAccount account, GraphSim sim) throws Exception {
        StorageAccount storage = StorageAccount.of(account.connectionString());
        String repo = "w" + Long.toHexString(System.nanoTime());
        Path kek = tmp.resolve(repo + ".kek");
        FileKek.create(kek);
        Repository.init(storage, repo, FileKek.load(kek)).close();
        return VaultServices.open(VaultSettings.from(Map.of("VAULT_STORAGE", account.connectionString(), "VAULT_KEK", "file:" + kek,
                "GRAPH_BASE_URL", sim.baseUrl()), VaultSettings.REPOSITORY), repo);
    }
}
