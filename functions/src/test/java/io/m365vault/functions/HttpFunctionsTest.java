package io.m365vault.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.storage.queue.QueueClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.HttpResponseMessage;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.graphsim.model.SimUser;
import io.m365vault.service.Plan;
import io.m365vault.service.PlannedItem;
import io.m365vault.service.QueueNames;
import io.m365vault.service.QueueSender;
import io.m365vault.service.TimeIds;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP functions with good and every kind of bad input; then a restore job end to end. */
@ExtendWith(AzuriteExtension.class)
class HttpFunctionsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path tmp;

    @Test
    void badInputIsAnsweredWithOneJsonError(AzuriteExtension.StorageAccount account) throws Exception {
        try (FunctionFixture f = new FunctionFixture(account, tmp, "{\"mail\":\"all\"}")) {
            RestoresApi restores = f.wire(new RestoresApi());
            RunsApi runs = f.wire(new RunsApi());
            VersionsApi versions = f.wire(new VersionsApi());

            error(400, "not valid JSON", restores.submit(TestRequest.post("{\"item\":")));
            error(400, "needs a JSON body", restores.submit(TestRequest.post("")));
            error(400, "unknown field 'itme'", restores.submit(TestRequest.post("{\"itme\":\"user:a\"}")));
            error(400, "item must be a string", restores.submit(TestRequest.post("{\"item\":[\"user:a\"]}")));
            error(400, "at must be an ISO-8601", restores.submit(TestRequest.post("{\"item\":\"user:a\",\"at\":\"last week\"}")));
            error(400, "lists and pages go from a site into a site", restores.submit(TestRequest.post("{\"item\":\"user:a\",\"target\":\"original\",\"workloads\":[\"lists\"]}")));
            QueueClient jobs = f.storage.queues().getQueueClient(QueueNames.RESTORE_JOBS);
            jobs.clearMessages();
            error(400, "item must be user:<id or UPN>", restores.submit(TestRequest.post("{\"item\":\"user:../../etc/passwd\"}")));
            assertEquals(0, jobs.getProperties().getApproximateMessagesCount(), "nothing queued");
            String huge = "{\"item\":\"user:a\",\"workloads\":[\"" + "m".repeat(70_000) + "\"]}";
            error(413, "larger than 65536 bytes", restores.submit(TestRequest.post(huge)));
            TestRequest lying = TestRequest.post(huge);
            lying.headers.remove("content-length");
            error(413, "larger than 65536 bytes", restores.submit(lying));

            for (String id : new String[] {"..", "../runs", "..%2F..%2Fx", "20261125T141500123Z-3f9a1c/..", "x\u0000y", ""}) {
                error(400, "id must look like", restores.get(TestRequest.get(), id));
                error(400, "id must look like", runs.get(TestRequest.get(), id));
            }
            error(404, "no restore job", restores.get(TestRequest.get(), TimeIds.next(Instant.now())));
            error(404, "no run", runs.get(TestRequest.get(), TimeIds.next(Instant.now())));
            error(400, "state must be one of", runs.get(TestRequest.get().query("state", "odd"), TimeIds.next(Instant.now())));
            error(400, "limit must be", runs.list(TestRequest.get().query("limit", "lots")));
            error(400, "limit must be", runs.list(TestRequest.get().query("limit", "0")));

            for (String item : new String[] {"user:../x", "user:a/b", "user:a%2Fb", "user:a\\b", "file:x", "nocolon", "user:"}) {
                error(400, "item must be", versions.versions(TestRequest.get(), item));
            }
            error(400, "at must be", versions.versions(TestRequest.get().query("at", "now"), "user:a"));
            error(400, "'..'", versions.versions(TestRequest.get().query("path", "mail/../../x"), "user:a"));
            error(404, "user:nobody has nothing backed up", versions.versions(TestRequest.get(), "user:nobody"));
            error(404, "the tenant has no user nobody@example.org", versions.versions(TestRequest.get(), "user:nobody@example.org"));
            error(400, "search needs q", versions.search(TestRequest.get(), "user:a"));
            error(400, "to must be a UTC time", versions.search(TestRequest.get().query("to", "soon"), "user:a"));
            error(400, "item must be", versions.search(TestRequest.get().query("q", "x"), "user:a/b"));
            error(404, "user:nobody has nothing backed up", versions.search(TestRequest.get().query("q", "x"), "user:nobody"));
            error(404, "user:nobody has nothing backed up", restores.submit(TestRequest.post("{\"item\":\"user:nobody\"}")));
            error(404, "the tenant has no user nobody@example.org", restores.submit(TestRequest.post("{\"item\":\"user:nobody@example.org\"}")));
            assertEquals(0, jobs.getProperties().getApproximateMessagesCount(), "nothing queued");
        }
    }

    @Test
    void restoreJobFromPostToDownloadLink(AzuriteExtension.StorageAccount account) throws Exception {
        try (FunctionFixture f = new FunctionFixture(account, tmp, "{\"mail\":\"all\"}")) {
            SimUser user = f.mailUser();
            ProtectedItem item = new ProtectedItem("user", user.id);
            String run = TimeIds.next(Instant.now());
            PlannedItem planned = new PlannedItem(item, Set.of(Workload.MAIL));
            f.services.vault().runs().create(run, Instant.now(), "test", new Plan(List.of(planned), List.of()));
            f.services.backupItems().backup(run, planned);

            JsonNode browse = ok(f.wire(new VersionsApi()).versions(TestRequest.get().query("path", "mail"), item.toString()));
            assertTrue(browse.get("entries").toString().contains("Inbox"), browse.toString());
            String subject = f.sim.snapshot(user.id).get("mail").get(0).get("subject").asText();
            JsonNode found = ok(f.wire(new VersionsApi()).search(TestRequest.get().query("q", subject), item.toString()));
            assertTrue(found.get("hits").toString().contains(subject) && found.get("hits").get(0).get("path").asText().startsWith("mail/"),
                    found.toString());

            // Named by UPN, as README's example does: the user's id is looked up and the job keeps it.
            JsonNode byName = ok(f.wire(new VersionsApi()).versions(TestRequest.get(), "user:" + user.userPrincipalName));
            assertEquals(item.toString(), byName.get("item").asText());
            String future = Instant.now().plusSeconds(3600).toString();
            error(400, "is in the future", f.wire(new VersionsApi()).versions(TestRequest.get().query("at", future), item.toString()));
            error(404, "before its first backup", f.wire(new RestoresApi())
                    .submit(TestRequest.post("{\"item\":\"" + item + "\",\"at\":\"2020-01-01T00:00:00Z\"}")));
            error(400, "is in the future", f.wire(new RestoresApi())
                    .submit(TestRequest.post("{\"item\":\"" + item + "\",\"at\":\"" + future + "\"}")));

            QueueClient jobs = f.storage.queues().getQueueClient(QueueNames.RESTORE_JOBS);
            jobs.clearMessages();
            HttpResponseMessage accepted = f.wire(new RestoresApi()).submit(TestRequest.post("{\"item\":\"user:" + user.userPrincipalName
                    + "\",\"workloads\":[\"mail\"],\"format\":\"mbox\"}"));
            assertEquals(202, accepted.getStatusCode(), String.valueOf(accepted.getBody()));
            JsonNode job = JSON.readTree((String) accepted.getBody());
            assertEquals(item.toString(), job.get("request").get("item").asText(), job.toString());
            assertEquals("/api/restores/" + job.get("id").asText(), accepted.getHeader("Location"));
            assertEquals("queued", job.get("status").asText());

            String message = QueueSender.decode(jobs.receiveMessage().getBody().toString());
            TestContext ctx = new TestContext("RunRestore");
            f.wire(new RunRestore()).run(message, ctx);
            assertTrue(ctx.lines.get(0).contains(": done"), ctx.lines.toString());

            JsonNode done = ok(f.wire(new RestoresApi()).get(TestRequest.get(), job.get("id").asText()));
            assertEquals("done", done.get("status").asText());
            assertTrue(done.get("download").asText().contains("/exports/") && done.get("download").asText().contains("sig="), done.toString());
            assertTrue(done.get("bytes").asLong() > 0);
            assertFalse(done.has("error"));

            // The hourly sweep leaves an export inside its window alone.
            TestContext sweep = new TestContext("ExpireExports");
            f.wire(new ExpireExports()).run("{}", sweep);
            assertEquals(List.of("INFO exports: 0 expired and deleted"), sweep.lines);
            assertEquals("done", ok(f.wire(new RestoresApi()).get(TestRequest.get(), job.get("id").asText())).get("status").asText());
        }
    }

    private static JsonNode ok(HttpResponseMessage r) throws Exception {
        assertEquals(200, r.getStatusCode(), String.valueOf(r.getBody()));
        return JSON.readTree((String) r.getBody());
    }

    private static void error(int status, String text, HttpResponseMessage r) throws Exception {
        assertEquals(status, r.getStatusCode(), String.valueOf(r.getBody()));
        assertTrue(r.getHeader("Content-Type").startsWith("application/json"));
        JsonNode body = JSON.readTree((String) r.getBody());
        assertEquals(1, body.size(), body.toString());
        assertTrue(body.get("error").asText().contains(text), text + " not in " + body);
        assertFalse(body.get("error").asText().contains("\n"));
    }
}
