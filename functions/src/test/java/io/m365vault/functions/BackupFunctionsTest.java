package io.m365vault.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.service.QueueNames;
import io.m365vault.service.QueueSender;
import io.m365vault.service.TimeIds;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Timer, queue worker and poison handler called as the host calls them, on Azurite and graph-sim. */
@ExtendWith(AzuriteExtension.class)
class BackupFunctionsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;

    @Test
    void timerFansOutAndDuplicatedMessagesRunOneBackup(AzuriteExtension.StorageAccount account) throws Exception {
        try (FunctionFixture f = new FunctionFixture(account, tmp, "{\"mail\":\"all\"}")) {
            QueueClient queue = f.storage.queues().getQueueClient(QueueNames.BACKUP_ITEMS);
            queue.clearMessages();
            TestContext timerCtx = new TestContext("ScheduleBackups");
            f.wire(new ScheduleBackups()).run("{}", timerCtx);
            assertTrue(timerCtx.lines.get(0).contains("items queued"), timerCtx.lines.toString());

            // What the trigger hands the function: the message text, base64-decoded by the host.
            List<String> messages = new ArrayList<>();
            for (QueueMessageItem m : queue.receiveMessages(32, Duration.ofMinutes(5), null, null)) {
                messages.add(QueueSender.decode(m.getBody().toString()));
            }
            String runId = JSON.readTree(messages.get(0)).get("run").asText();
            assertTrue(messages.size() >= 3, messages.toString());
            // The duplicate is of a mailbox, so the one backup that runs does real work.
            String mailbox = "user:" + f.mailUser().id;
            messages.sort(Comparator.comparing(m -> !m.contains("\"" + mailbox + "\"")));

            BackupItem worker = f.wire(new BackupItem());
            // The first message twice at the same moment, as two instances would get it.
            TestContext a = new TestContext("BackupItem");
            TestContext b = new TestContext("BackupItem");
            CompletableFuture<Void> one = CompletableFuture.runAsync(() -> worker.run(messages.get(0), 1, a));
            CompletableFuture<Void> two = CompletableFuture.runAsync(() -> worker.run(messages.get(0), 2, b));
            // The copy that finds the item held is given back to the queue; one that comes after finds it done.
            long thrown = java.util.stream.Stream.of(one, two).filter(c -> {
                try {
                    c.join();
                    return false;
                } catch (java.util.concurrent.CompletionException e) {
                    assertTrue(e.getCause() instanceof io.m365vault.service.ItemHeldException, e.toString());
                    return true;
                }
            }).count();
            List<String> both = new ArrayList<>(a.lines);
            both.addAll(b.lines);
            assertEquals(1, both.stream().filter(l -> l.endsWith(": done") || l.endsWith(": skipped")).count(), both.toString());
            assertEquals(1, thrown + both.stream().filter(l -> l.contains("skipped: already done")).count(), both.toString());
            assertEquals(thrown, both.stream().filter(l -> l.contains("the queue delivers this message again")).count(), both.toString());
            long requests = f.sim.stats().get("requests").asLong();

            // Delivered again after it finished: nothing runs.
            TestContext again = new TestContext("BackupItem");
            worker.run(messages.get(0), 3, again);
            assertTrue(again.lines.get(0).contains("skipped: already done"), again.lines.toString());
            assertEquals(requests, f.sim.stats().get("requests").asLong(), "no Graph request for a duplicate");

            for (String m : messages.subList(1, messages.size())) {
                worker.run(m, 1, new TestContext("BackupItem"));
            }
            TestContext dropped = new TestContext("BackupItem");
            worker.run("{\"run\":\"../../etc\",\"item\":\"user:x\",\"workloads\":[\"mail\"]}", 1, dropped);
            assertTrue(dropped.lines.get(0).startsWith("SEVERE refused, moved to backup-items-poison: backup message has no valid run id"), dropped.lines.toString());

            JsonNode run = body(f.wire(new RunsApi()).get(TestRequest.get(), runId));
            assertEquals("done", run.get("status").asText(), run.toString());
            assertEquals(messages.size(), run.get("items").get("done").asInt() + run.get("items").get("skipped").asInt());
            assertTrue(run.get("bytes").asLong() > 0);

            // A poisoned copy of a message whose item finished changes nothing.
            f.wire(new BackupItemPoison()).run(messages.get(1), "2026-11-25T01:00:00Z", new TestContext("BackupItemPoison"));
            assertEquals("done", body(f.wire(new RunsApi()).get(TestRequest.get(), runId)).get("status").asText());
            // A message the host gave up on, whose item never finished, shows in the run.
            String never = messages.get(1).replace(runId, "20261125T010000000Z-0f0f0f");
            f.services.vault().runs().create("20261125T010000000Z-0f0f0f", java.time.Instant.now(), "test",
                    new io.m365vault.service.Plan(List.of(io.m365vault.service.BackupMessage.parse(never).planned()), List.of()));
            f.wire(new BackupItemPoison()).run(never, "2026-11-25T01:00:00Z", new TestContext("BackupItemPoison"));
            run = body(f.wire(new RunsApi()).get(TestRequest.get().query("state", "poison"), "20261125T010000000Z-0f0f0f"));
            assertEquals("failed", run.get("status").asText());
            assertEquals(1, run.get("items").get("poison").asInt());
            assertEquals(1, run.get("itemStatus").size());
            assertTrue(run.get("itemStatus").get(0).get("errors").toString().contains("poison"), run.toString());

            JsonNode runs = body(f.wire(new RunsApi()).list(TestRequest.get()));
            assertEquals(runId, runs.get("runs").get(0).get("id").asText());
        }
    }

    @Test
    void aMessageNamingABadItemGoesToPoisonWithOneLineAndReachesNothing(AzuriteExtension.StorageAccount account) throws Exception {
        try (FunctionFixture f = new FunctionFixture(account, tmp, "{\"mail\":\"all\"}")) {
            QueueClient poison = f.storage.queues().getQueueClient(BackupItem.POISON);
            poison.createIfNotExists();
            poison.clearMessages();
            String run = TimeIds.next(Instant.now());
            String message = "{\"run\":\"" + run + "\",\"item\":\"user:../../etc/passwd\",\"workloads\":[\"mail\"]}";
            long requests = f.sim.stats().get("requests").asLong();
            TestContext ctx = new TestContext("BackupItem");
            f.wire(new BackupItem()).run(message, 1, ctx);
            assertEquals(List.of("SEVERE refused, moved to backup-items-poison: backup message: item must be user:<id or UPN>, site:<id> "
                    + "or group:<id> without '/', '\\', '%' or '..', got 'user:../../etc/passwd'"), ctx.lines);
            assertEquals(requests, f.sim.stats().get("requests").asLong(), "no Graph request");
            assertEquals(List.of(), f.services.vault().runs().items(run));
            List<String> poisoned = new ArrayList<>();
            poison.receiveMessages(10).forEach(m -> poisoned.add(QueueSender.decode(m.getBody().toString())));
            assertEquals(List.of(message), poisoned);
        }
    }

    @Test
    void aPermissionTheAppLacksFailsTheInvocationWithOneLineButAMailboxThatDeniesAccessIsThatItemsFailure(
            AzuriteExtension.StorageAccount account) throws Exception {
        try (FunctionFixture f = new FunctionFixture(account, tmp, "{\"mail\":\"all\"}")) {
            String user = f.mailUser().id;
            String run = TimeIds.next(Instant.now());
            String message = "{\"run\":\"" + run + "\",\"item\":\"user:" + user + "\",\"workloads\":[\"mail\"]}";
            f.services.vault().runs().create(run, Instant.now(), "test",
                    new io.m365vault.service.Plan(List.of(io.m365vault.service.BackupMessage.parse(message).planned()), List.of()));
            ObjectNode denied = JSON.createObjectNode();
            denied.putArray("inject").addObject().put("path", "users/" + user + "/mailFolders").put("status", 403)
                    .put("code", "Authorization_RequestDenied").put("count", 1);
            f.sim.faults(denied);
            io.m365vault.graph.CredentialsRefusedException e = assertThrows(io.m365vault.graph.CredentialsRefusedException.class,
                    () -> f.wire(new BackupItem()).run(message, 1, new TestContext("BackupItem")));
            assertTrue(e.getMessage().startsWith("GRAPH_CLIENT_ID: Graph refuses GET " + f.sim.baseUrl() + "/users/" + user + "/mailFolders"),
                    e.getMessage());

            // A mailbox closed to the app (403 ErrorAccessDenied) is that item's failure, recorded in its run.
            ObjectNode closed = JSON.createObjectNode();
            closed.putArray("inject").addObject().put("path", "users/" + user + "/mailFolders").put("status", 403)
                    .put("code", "ErrorAccessDenied").put("count", 1);
            f.sim.faults(closed);
            TestContext ctx = new TestContext("BackupItem");
            f.wire(new BackupItem()).run(message, 2, ctx);
            assertTrue(ctx.lines.get(0).endsWith(": failed"), ctx.lines.toString());
            assertTrue(f.services.vault().runs().items(run).get(0).errors().toString().contains("ErrorAccessDenied"),
                    f.services.vault().runs().items(run).toString());
        }
    }

    static JsonNode body(com.microsoft.azure.functions.HttpResponseMessage r) throws Exception {
        assertEquals(200, r.getStatusCode(), String.valueOf(r.getBody()));
        return JSON.readTree((String) r.getBody());
    }
}
