package io.m365vault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graph.TenantGraph;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.graphsim.mail.MailItem;
import io.m365vault.graphsim.mail.Mailbox;
import io.m365vault.graphsim.mail.MessageSpec;
import io.m365vault.graphsim.mail.MimeSource;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.Repository;
import io.m365vault.restore.tenant.MailRestore;
import io.m365vault.restore.tenant.TenantRestoreOptions;
import io.m365vault.restore.tenant.TenantRestoreResult;
import io.m365vault.restore.tenant.RestoreRefusedException;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
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
 * Mail restored into the tenant through the real Graph SDK against graph-sim over HTTP, from a
 * repository on Azurite, and compared with the original as Graph shows both mailboxes.
 */
@ExtendWith(AzuriteExtension.class)
class MailRestoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The fields of a message's Graph JSON a restore must bring back, compared between two backups. */
    private static final String[] KEPT = {"subject", "receivedDateTime", "sentDateTime", "isRead", "isDraft", "flag", "categories",
            "importance", "from", "toRecipients", "ccRecipients", "replyTo", "internetMessageId"};

    @TempDir
    Path tmp;

    @Test
    void aMailboxRestoredToAnotherUserEqualsTheOriginal(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(31).users(12).messagesPerFolder(4).build().start();
             Repository repo = SimTenant.repo(account, tmp, "rst");
             TenantGraph graph = SimTenant.graph(sim)) {
            List<String> users = SimTenant.twoMailUsers(sim);
            String a = users.get(0);
            String b = users.get(1);
            String big = addLargeMessage(sim, a);
            Instant t1 = Instant.now();
            SimTenant.backup(sim, repo, a, t1, Workload.MAIL);
            Set<String> before = ids(sim, b);

            TenantRestoreResult r = new MailRestore(repo, graph).restore("job1", new ProtectedItem("user", a), t1,
                    new TenantRestoreOptions(new ProtectedItem("user", b), null, false));
            assertTrue(r.complete(), r.failures().toString());
            Map<String, String> original = snapshot(sim, a, Set.of());
            assertEquals(original.size(), r.restored());
            Map<String, String> restored = snapshot(sim, b, before);
            SimTenant.assertSame(original, restored);
            assertTrue(restored.keySet().stream().anyMatch(k -> k.contains(big)), "the message with a 3.3 MB attachment came back");
            assertTrue(restored.values().stream().anyMatch(v -> v.contains("legal@example.com")), "its reply-to came back");
            assertTrue(restored.keySet().stream().anyMatch(k -> k.startsWith("Sent Items|") && k.contains("large.2@example.com")),
                    "the message with two 2 MB attachments came back: " + restored.keySet());
            // Equal maps say so already; stated here because a create without the flags would make every message a draft.
            long sent = original.values().stream().filter(v -> v.contains("\"isDraft\":false")).count();
            assertTrue(sent > 10, "received and sent messages in the original: " + sent);
            assertEquals(sent, restored.values().stream().filter(v -> v.contains("\"isDraft\":false")).count(), "restored as received or sent, not drafts");

            // Back the other user up: its catalog holds the same messages, field for field.
            Instant t2 = t1.plusSeconds(60);
            SimTenant.backup(sim, repo, b, t2, Workload.MAIL);
            Map<String, String> backedUpA = catalog(repo, a, t1, null);
            SimTenant.assertSame(backedUpA, catalog(repo, b, t2, backedUpA.keySet()));
        }
    }

    @Test
    void restoringTwiceIntoTheOriginalPlaceAddsDuplicatesOrSkipsThem(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(32).users(12).messagesPerFolder(3).build().start();
             Repository repo = SimTenant.repo(account, tmp, "rst");
             TenantGraph graph = SimTenant.graph(sim)) {
            String a = SimTenant.twoMailUsers(sim).get(0);
            Instant t = Instant.now();
            SimTenant.backup(sim, repo, a, t, Workload.MAIL);
            Map<String, String> originals = SimTenant.simMail(sim, a, true);
            ProtectedItem item = new ProtectedItem("user", a);
            MailRestore restore = new MailRestore(repo, graph);
            TenantRestoreResult first = restore.restore("job1", item, t, new TenantRestoreOptions(item, null, false));
            TenantRestoreResult second = restore.restore("job2", item, t, new TenantRestoreOptions(item, null, false));
            assertTrue(first.complete() && second.complete(), first.failures() + " " + second.failures());
            assertEquals(first.restored(), second.restored());
            assertEquals(0, first.foldersCreated() + second.foldersCreated(), "the original folders are used, none made");

            Map<String, String> now = SimTenant.simMail(sim, a, true);
            originals.forEach((id, v) -> assertEquals(v, now.get(id), "original message " + id + " untouched"));
            Map<String, Integer> copies = new TreeMap<>();
            for (JsonNode m : sim.snapshot(a).path("mail")) {
                copies.merge(m.get("folder").asText() + "|" + m.get("internetMessageId").asText(), 1, Integer::sum);
            }
            Map<String, String> visible = SimTenant.simMail(sim, a);
            assertEquals(visible.size() + 2 * first.restored(), now.size() - (originals.size() - visible.size()));
            assertTrue(copies.values().stream().allMatch(n -> n == 1 || n == 3), "each backed-up message thrice, the rest once: " + copies);

            TenantRestoreResult third = restore.restore("job3", item, t, new TenantRestoreOptions(item, null, true));
            assertEquals(0, third.restored());
            assertEquals(first.restored(), third.skipped());
            assertEquals(now.size(), SimTenant.simMail(sim, a, true).size());
        }
    }

    @Test
    void aMessageFailingMidwayIsReportedAndTheRestAreRestored(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(33).users(12).messagesPerFolder(3).build().start();
             Repository repo = SimTenant.repo(account, tmp, "rst");
             TenantGraph graph = SimTenant.graph(sim)) {
            String a = SimTenant.twoMailUsers(sim).get(0);
            Instant t = Instant.now();
            SimTenant.backup(sim, repo, a, t, Workload.MAIL);
            ProtectedItem item = new ProtectedItem("user", a);
            Set<String> before = ids(sim, a);
            ObjectNode fault = JSON.createObjectNode();
            // A create's path (users/{u}/mailFolders/{f}/messages), not a later attachment's (users/{u}/messages/{m}/attachments).
            fault.putArray("inject").addObject().put("path", "/mailFolders/").put("method", "POST").put("status", 400)
                    .put("code", "ErrorInvalidProperty").put("count", 1);
            TenantRestoreResult r = new MailRestore(repo, graph).restore("job1", item, t, new TenantRestoreOptions(item, "Restored", false,
                    (done, of, bytes) -> {
                        if (done == 5) {
                            sim.faults(fault);
                        }
                    }));
            assertEquals(1, r.failures().size(), r.failures().toString());
            assertTrue(r.failures().get(0).reason().contains("400"), r.failures().get(0).reason());
            assertEquals(r.items() - 1, r.restored());
            assertEquals(r.restored(), ids(sim, a).size() - before.size());
            assertTrue(sim.snapshot(a).path("mail").findValuesAsText("folder").stream().anyMatch(f -> f.startsWith("Restored/")));
        }
    }

    @Test
    void aCreateWhoseAnswerIsLostIsNotSentAgainAndTheReRunSkipsWhatItMade(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(34).users(12).messagesPerFolder(3).build().start();
             Repository repo = SimTenant.repo(account, tmp, "rst");
             TenantGraph graph = SimTenant.graph(sim)) {
            List<String> users = SimTenant.twoMailUsers(sim);
            Instant t = Instant.now();
            SimTenant.backup(sim, repo, users.get(0), t, Workload.MAIL);
            ProtectedItem from = new ProtectedItem("user", users.get(0));
            ProtectedItem to = new ProtectedItem("user", users.get(1));
            ObjectNode fault = JSON.createObjectNode();
            // graph-sim makes the message, then drops the connection before its answer.
            fault.putArray("inject").addObject().put("path", "/mailFolders/").put("method", "POST").put("reset", true).put("count", 1);
            MailRestore restore = new MailRestore(repo, graph);
            TenantRestoreResult first = restore.restore("job1", from, t, new TenantRestoreOptions(to, "Restored", false,
                    (done, of, bytes) -> {
                        if (done == 5) {
                            sim.faults(fault);
                        }
                    }));
            assertEquals(1, first.failures().size(), first.failures().toString());
            assertTrue(first.failures().get(0).reason().contains("sent once only"), first.failures().get(0).reason());
            assertEquals(first.items() - 1, first.restored());
            List<String> made = new ArrayList<>();
            sim.snapshot(users.get(1)).path("mail").forEach(m -> {
                if (m.get("folder").asText().startsWith("Restored/")) {
                    made.add(m.get("internetMessageId").asText());
                }
            });
            assertEquals(first.items(), made.size(), "the lost answer's message was made, once: " + made);
            assertEquals(made.size(), new HashSet<>(made).size(), "no message twice");

            TenantRestoreResult again = restore.restore("job2", from, t, new TenantRestoreOptions(to, "Restored", true));
            assertTrue(again.complete(), again.failures().toString());
            assertEquals(0, again.restored(), "what the lost answer made is found, not made again");
            assertEquals(first.items(), again.skipped());
        }
    }

    @Test
    void aMessageWhoseLaterAttachmentFailsLeavesNothingAndComesBackOnReRun(AzuriteExtension.StorageAccount account) throws Exception {
        // No generated mail: its random attachments may open upload sessions too, and the fault must hit the 3.3 MB one.
        try (GraphSim sim = GraphSim.builder().seed(36).users(12).messagesPerFolder(0).build().start();
             Repository repo = SimTenant.repo(account, tmp, "rst");
             TenantGraph graph = SimTenant.graph(sim)) {
            List<String> users = SimTenant.twoMailUsers(sim);
            String a = users.get(0);
            String b = users.get(1);
            String big = addLargeMessage(sim, a);
            Instant t = Instant.now();
            SimTenant.backup(sim, repo, a, t, Workload.MAIL);
            ObjectNode fault = JSON.createObjectNode();
            // Only the message with the 3.3 MB attachment opens an upload session: it is created, then its attachment refused.
            fault.putArray("inject").addObject().put("path", "/attachments/createUploadSession").put("method", "POST").put("status", 400)
                    .put("code", "ErrorInvalidRequest").put("count", 1);
            sim.faults(fault);
            ProtectedItem to = new ProtectedItem("user", b);
            MailRestore restore = new MailRestore(repo, graph);
            TenantRestoreResult first = restore.restore("job1", new ProtectedItem("user", a), t, new TenantRestoreOptions(to, "Restored", false));
            assertEquals(1, first.failures().size(), first.failures().toString());
            assertTrue(first.failures().get(0).reason().contains("400") && first.failures().get(0).reason().contains("partial copy was removed"),
                    first.failures().get(0).reason());
            assertEquals(first.items() - 1, first.restored());
            List<JsonNode> halfMade = new ArrayList<>();
            sim.snapshot(b).path("mail").forEach(m -> {
                if (m.get("folder").asText().startsWith("Restored/") && m.get("internetMessageId").asText().contains(big)) {
                    halfMade.add(m);
                }
            });
            assertEquals(List.of(), halfMade, "the message whose attachment failed is not left half-made");
            assertEquals(first.restored(), inFolder(sim, b, "Restored/").size());

            TenantRestoreResult again = restore.restore("job2", new ProtectedItem("user", a), t, new TenantRestoreOptions(to, "Restored", true));
            assertTrue(again.complete(), again.failures().toString());
            assertEquals(1, again.restored(), "the re-run restores the failed message, and only it");
            assertEquals(first.restored(), again.skipped());
            Map<String, String> original = snapshot(sim, a, Set.of());
            Map<String, String> restored = new TreeMap<>();
            snapshot(sim, b, Set.of()).forEach((k, v) -> {
                if (k.startsWith("Restored/")) {
                    restored.put(k.substring("Restored/".length()), v);
                }
            });
            String key = original.keySet().stream().filter(k -> k.contains(big)).findFirst().orElseThrow();
            assertEquals(original.get(key), restored.get(key), "whole, with its 3.3 MB attachment");
        }
    }

    @Test
    void aTimeBeforeADeletionBringsTheMessageBack(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(34).users(12).messagesPerFolder(3).build().start();
             Repository repo = SimTenant.repo(account, tmp, "rst");
             TenantGraph graph = SimTenant.graph(sim)) {
            String a = SimTenant.twoMailUsers(sim).get(0);
            Instant t1 = Instant.now();
            SimTenant.backup(sim, repo, a, t1, Workload.MAIL);
            Mailbox box = sim.tenant().mailbox(a);
            String gone;
            synchronized (box) {
                MailItem m = box.folder("inbox").items.values().stream().filter(i -> !i.deleted()).findFirst().orElseThrow();
                gone = io.m365vault.graphsim.mail.MessageView.of(m.source.mime()).messageId();
                box.delete(m);
            }
            Instant t2 = t1.plusSeconds(60);
            SimTenant.backup(sim, repo, a, t2, Workload.MAIL);
            ProtectedItem item = new ProtectedItem("user", a);
            MailRestore restore = new MailRestore(repo, graph);
            assertTrue(restore.restore("job1", item, t2, new TenantRestoreOptions(item, "Restored at t2", false)).complete());
            assertFalse(inFolder(sim, a, "Restored at t2/").contains(gone), "the deletion is in the later point in time");
            assertTrue(restore.restore("job2", item, t1, new TenantRestoreOptions(item, "Restored at t1", false)).complete());
            assertTrue(inFolder(sim, a, "Restored at t1/").contains(gone), "the time before the deletion brings it back");
        }
    }

    @Test
    void aMissingMailboxOrPermissionStopsBeforeAnyWrite(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(35).users(12).messagesPerFolder(2).build().start();
             Repository repo = SimTenant.repo(account, tmp, "rst");
             TenantGraph graph = SimTenant.graph(sim)) {
            String a = SimTenant.twoMailUsers(sim).get(0);
            Instant t = Instant.now();
            SimTenant.backup(sim, repo, a, t, Workload.MAIL);
            ProtectedItem item = new ProtectedItem("user", a);
            MailRestore restore = new MailRestore(repo, graph);
            RestoreRefusedException missing = assertThrows(RestoreRefusedException.class, () -> restore.restore("job1", item, t,
                    new TenantRestoreOptions(new ProtectedItem("user", "00000000-0000-0000-0000-000000000000"), null, false)));
            assertTrue(missing.getMessage().endsWith(" is not in the tenant (404 Request_ResourceNotFound)"), missing.getMessage());

            Set<String> before = ids(sim, a);
            ObjectNode fault = JSON.createObjectNode();
            fault.putArray("inject").addObject().put("path", "mailFolders").put("method", "POST").put("status", 403)
                    .put("code", "ErrorAccessDenied").put("count", 1000);
            sim.faults(fault);
            RestoreRefusedException denied = assertThrows(RestoreRefusedException.class, () -> restore.restore("job2", item, t,
                    new TenantRestoreOptions(item, "Restored", false)));
            assertTrue(denied.getMessage().contains("403 ErrorAccessDenied") && denied.getMessage().contains("Mail.ReadWrite"),
                    denied.getMessage());
            assertEquals(before, ids(sim, a));
        }
    }

    /** A received message with a 3.3 MB attachment (an upload session on restore) and an inline image; its internetMessageId. */
    private static String addLargeMessage(GraphSim sim, String user) {
        byte[] pdf = new byte[3_300_000];
        new SplittableRandom(7).nextBytes(pdf);
        byte[] png = new byte[2_000];
        new SplittableRandom(8).nextBytes(png);
        Mailbox box = sim.tenant().mailbox(user);
        synchronized (box) {
            MessageSpec spec = new MessageSpec(new MessageSpec.Address("Léa Martin", "lea@example.com"),
                    List.of(new MessageSpec.Address(box.owner.displayName, box.owner.address())), List.of(), "Scan — Q3 contract",
                    Instant.parse("2026-10-02T08:15:00Z"), "large.1@example.com", StandardCharsets.UTF_8, "See the scan.",
                    "<p>See the scan <img src=\"cid:logo\"></p>", List.of(new MessageSpec.Attachment("contract é.pdf", "application/pdf", pdf, null),
                    new MessageSpec.Attachment("logo.png", "image/png", png, "logo")), "high",
                    List.of(new MessageSpec.Address("Legal desk", "legal@example.com")));
            MailItem m = box.create(box.folder("inbox"), new MimeSource.Composed(spec));
            m.isRead = true;
            m.flagStatus = "flagged";
            m.categories.add("Legal");
            // Two of 2 MB: the first fits in the create, the second goes by POST .../attachments.
            byte[] one = new byte[2_000_000];
            byte[] two = new byte[2_000_000];
            new SplittableRandom(9).nextBytes(one);
            new SplittableRandom(10).nextBytes(two);
            box.create(box.folder("sentitems"), new MimeSource.Composed(new MessageSpec(
                    new MessageSpec.Address(box.owner.displayName, box.owner.address()), List.of(new MessageSpec.Address("Léa Martin", "lea@example.com")),
                    List.of(new MessageSpec.Address("", "audit@example.com")), "Both halves", Instant.parse("2026-10-03T16:40:00Z"),
                    "large.2@example.com", StandardCharsets.UTF_8, "Both halves attached.", null,
                    List.of(new MessageSpec.Attachment("half 1.bin", "application/octet-stream", one, null),
                            new MessageSpec.Attachment("half 2.bin", "application/octet-stream", two, null)), "normal"))).isRead = true;
        }
        return "large.1@example.com";
    }

    private static Set<String> ids(GraphSim sim, String user) {
        return new HashSet<>(sim.snapshot(user).path("mail").findValuesAsText("id"));
    }

    private static Set<String> inFolder(GraphSim sim, String user, String prefix) {
        Set<String> out = new HashSet<>();
        for (JsonNode m : sim.snapshot(user).path("mail")) {
            if (m.get("folder").asText().startsWith(prefix)) {
                out.add(m.get("internetMessageId").asText());
            }
        }
        return out;
    }

    /**
     * The mailbox as graph-sim shows it, messages outside hidden folders and not in {@code except}:
     * "folder|internetMessageId" -> what a restore must keep (not the MIME, which Graph rebuilds).
     */
    private static Map<String, String> snapshot(GraphSim sim, String user, Set<String> except) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode m : sim.snapshot(user).path("mail")) {
            if (except.contains(m.get("id").asText()) || m.get("folder").asText().startsWith("Hidden")) {
                continue;
            }
            ObjectNode kept = ((ObjectNode) m.deepCopy()).retain("subject", "receivedDateTime", "sentDateTime", "isRead", "isDraft", "flag",
                    "categories", "importance", "from", "replyTo", "bodySha256", "attachments");
            out.put(m.get("folder").asText() + "|" + m.get("internetMessageId").asText(), kept.toString());
        }
        return out;
    }

    /** The catalog's messages at {@code t}: internetMessageId -> the Graph fields a restore keeps; only {@code only} when given. */
    private static Map<String, String> catalog(Repository repo, String user, Instant t, Set<String> only) {
        Map<String, String> out = new TreeMap<>();
        repo.catalog().at(new ProtectedItem("user", user).partition(Workload.MAIL), t, ItemKind.MESSAGE, (CatalogEntry e) -> {
            JsonNode j = Json.read(e.metadata());
            String imid = j.path("internetMessageId").asText();
            if (only == null || only.contains(imid)) {
                out.put(imid, ((ObjectNode) j.deepCopy()).retain(KEPT).toString());
            }
        });
        return out;
    }
}
