package io.m365vault.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.storage.blob.options.BlobBreakLeaseOptions;
import com.azure.storage.blob.specialized.BlobLeaseClientBuilder;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;
import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.graph.GraphClients;
import io.m365vault.graph.GraphSettings;
import io.m365vault.graph.TenantGraph;
import io.m365vault.graph.ThrottleConfig;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.graphsim.model.SimUser;
import io.m365vault.repo.Repository;
import io.m365vault.repo.StorageAccount;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tenant restore whose worker (a JVM of its own) is killed halfway, on Azurite's real queue and
 * graph-sim: the job is running while the dead worker's lease lasts, stale once it has gone, and
 * the message the queue delivers again resumes it to done, each message restored once but for the
 * few in flight at the kill.
 */
@ExtendWith(AzuriteExtension.class)
class RestoreKilledWorkerTest {
    @TempDir
    Path tmp;

    @Test
    void aKilledWorkersJobIsStaleThenResumedByTheRedeliveredMessage(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(43).users(12).messagesPerFolder(12).build().start();
             Repository repo = ServiceFixture.repo(account, tmp);
             TenantGraph graph = GraphClients.create(GraphSettings.anonymous(sim.baseUrl()), ThrottleConfig.defaults())) {
            SimUser a = BackupItemServiceTest.mailUser(sim);
            SimUser b = TenantRestoreJobTest.secondMailUser(sim, a);
            ProtectedItem item = new ProtectedItem("user", a.id);
            TenantRestoreJobTest.backUp(sim, repo, account, item, Workload.MAIL);
            StorageAccount storage = ServiceFixture.storage(account);
            String queueName = "kw" + Long.toHexString(System.nanoTime());
            String exports = "exports" + Long.toHexString(System.nanoTime());
            QueueClient queue = storage.queues().getQueueClient(queueName);
            queue.create();
            storage.blobs().getBlobContainerClient(exports).create();
            RestoreService restores = RestoreWorkerProcess.service(storage, repo, sim.baseUrl(), graph, queueName, exports);
            String id = restores.submit("{\"item\":\"" + item + "\",\"target\":\"alternate\",\"toItem\":\"user:" + b.id
                    + "\",\"folder\":\"Restored\"}").id();

            // Latency slows the writes so the kill lands partway. The worker takes the message, as a Functions host does, and dies.
            sim.faults(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("latencyMs", 60));
            QueueMessageItem taken = queue.receiveMessages(1, Duration.ofMinutes(10), null, null).iterator().next();
            assertEquals(id, RestoreService.jobOf(QueueSender.decode(taken.getBody().toString())));
            Process worker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), RestoreWorkerProcess.class.getName(), account.connectionString(),
                    repo.name(), tmp.resolve("kek-" + repo.name()).toString(), sim.baseUrl(), queueName, exports, id)
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("worker.log").toFile()).start();
            long backedUp = repo.catalog().at(item.partition(Workload.MAIL), java.time.Instant.now()).stream()
                    .filter(e -> e.kind().equals("message")).count();
            for (int i = 0; i < 1200 && restored(sim, b.id).size() < backedUp / 3 && worker.isAlive(); i++) {
                Thread.sleep(50);
            }
            assertTrue(worker.isAlive(), "the worker was still restoring: " + java.nio.file.Files.readString(tmp.resolve("worker.log")));
            worker.destroyForcibly().waitFor();
            int atKill = total(restored(sim, b.id));
            assertTrue(atKill > 0 && atKill < backedUp, atKill + " of " + backedUp + " restored when the worker was killed");

            // While the dead worker's lease lasts the job is running, and a copy of the message is dropped without writing.
            assertEquals("running", restores.get(id).orElseThrow().state());
            assertEquals("running", restores.run(id).state());
            assertEquals(atKill, total(restored(sim, b.id)), "the copy wrote nothing");

            // Once the lease has gone (broken here, as its expiry within a minute would), the job says it is stale.
            new BlobLeaseClientBuilder().blobClient(ItemLease.container(storage).getBlobClient(ItemLease.restoreBlob(repo, id)))
                    .buildClient().breakLeaseWithResponse(new BlobBreakLeaseOptions().setBreakPeriod(Duration.ZERO), null, null);
            RestoreJob stale = restores.get(id).orElseThrow();
            assertEquals("stale", stale.state());
            assertTrue(stale.error().contains("the queue delivers the job again, and it resumes where it stopped"), stale.error());
            assertEquals("stale", ApiJson.job(stale).get("status").asText());

            // The dead worker's message comes back when its invisibility ends (ended here at once), and its run resumes the job.
            queue.updateMessage(taken.getMessageId(), taken.getPopReceipt(), null, Duration.ZERO);
            QueueMessageItem again = queue.receiveMessages(1, Duration.ofMinutes(10), null, null).iterator().next();
            assertEquals(2, again.getDequeueCount());
            RestoreJob done = restores.run(RestoreService.jobOf(QueueSender.decode(again.getBody().toString())));
            queue.deleteMessage(again.getMessageId(), again.getPopReceipt());
            assertTrue(done.complete(), done.state() + " " + done.error());
            assertEquals(backedUp, done.tenant().restored(), "every message counted, those of the first attempt too");
            assertEquals(1L, ((Number) repo.state().get("restores", id).orElseThrow().get("resumed")).longValue());
            Map<String, Integer> copies = restored(sim, b.id);
            assertEquals(backedUp, copies.size(), "every message restored");
            long twice = copies.values().stream().mapToInt(n -> n - 1).sum();
            // Graph's 4 writes in flight per mailbox, which the restore holds to.
            assertTrue(twice <= 4, "only those in flight at the kill written twice: " + twice);
            assertTrue(repo.state().list("restored:" + id).isEmpty(), "the ledger is dropped once the job is done");
        }
    }

    /** internetMessageId -> copies under Restored/ in {@code user}'s mailbox. */
    private static Map<String, Integer> restored(GraphSim sim, String user) {
        Map<String, Integer> out = new HashMap<>();
        for (JsonNode m : sim.snapshot(user).path("mail")) {
            if (m.get("folder").asText().startsWith("Restored/")) {
                out.merge(m.get("internetMessageId").asText(), 1, Integer::sum);
            }
        }
        return out;
    }

    private static int total(Map<String, Integer> copies) {
        return copies.values().stream().mapToInt(Integer::intValue).sum();
    }
}
