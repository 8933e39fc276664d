package io.m365vault.restore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.Workload;
import io.m365vault.testkit.AzuriteExtension;
import io.m365vault.testkit.AzuriteExtension.StorageAccount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(AzuriteExtension.class)
class MailExportTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant T1 = Instant.parse("2026-01-10T00:00:00Z");
    static final Instant T2 = Instant.parse("2026-02-10T00:00:00Z");
    static final String ROOT = "AAMkAD/root==";
    static final String INBOX = "AAMkAD/inbox+1=";
    static final String PROJECTS = "AAMkAD/projects=";
    static final String SENT = "AAMkAD/sent=";

    @TempDir
    Path tmp;

    /** Message ids to their MIME at T1 and T2 (absent: not in the mailbox then). */
    final Map<String, byte[]> atT1 = new HashMap<>();
    final Map<String, byte[]> atT2 = new HashMap<>();

    @Test
    void emlTreeIsTheStoredMimeAtEachPointInTime(StorageAccount account) throws IOException {
        try (MailboxFixture box = seed(account)) {
            ExportResult r1 = new ItemExporter().export(box.repo, MailboxFixture.USER, T1, tmp.resolve("t1"), mailOnly());
            assertTrue(r1.complete(), r1.failures().toString());
            Map<String, Path> files1 = messageFiles(r1);
            assertEquals(atT1.keySet(), files1.keySet());
            for (Map.Entry<String, byte[]> m : atT1.entrySet()) {
                assertArrayEquals(m.getValue(), Files.readAllBytes(files1.get(m.getKey())), m.getKey());
            }
            assertEquals(List.of("mail", "Inbox", "Projects"), segments(r1, files1.get("m-edited")).subList(0, 3));
            assertEquals(List.of("mail", "Inbox"), segments(r1, files1.get("m-moved")).subList(0, 2));
            assertEquals(atT1.size(), r1.count(ItemKind.MESSAGE));
            assertManifestMatchesDisk(r1);

            ExportResult r2 = new ItemExporter().export(box.repo, MailboxFixture.USER, T2, tmp.resolve("t2"), mailOnly());
            Map<String, Path> files2 = messageFiles(r2);
            assertEquals(atT2.keySet(), files2.keySet());
            for (Map.Entry<String, byte[]> m : atT2.entrySet()) {
                assertArrayEquals(m.getValue(), Files.readAllBytes(files2.get(m.getKey())), m.getKey());
            }
            // Edited after T1: the T2 export has the new bytes, the T1 export kept the old.
            assertFalse(java.util.Arrays.equals(atT1.get("m-edited"), atT2.get("m-edited")));
            // Moved to Sent Items, and Projects renamed to Archive 2026, at T2.
            assertEquals(List.of("mail", "Sent Items"), segments(r2, files2.get("m-moved")).subList(0, 2));
            assertEquals(List.of("mail", "Inbox", "Archive 2026"), segments(r2, files2.get("m-edited")).subList(0, 3));
            assertManifestMatchesDisk(r2);
        }
    }

    @Test
    void hostileNamesStayInsideTheDirectory(StorageAccount account) throws IOException {
        try (MailboxFixture box = seed(account)) {
            String[] names = {"../../escape", "..", "CON", "a/b\\c:d", "x".repeat(400), "inbox", " trailing. ", "nul.txt", "tab\there"};
            for (int i = 0; i < names.length; i++) {
                String id = "AAMkAD/hostile" + i;
                box.put(Workload.MAIL, ItemKind.MAIL_FOLDER, id, i % 2 == 0 ? ROOT : INBOX, folder(id, names[i], ROOT), null, T1);
                String mid = "hostile-msg-" + i;
                byte[] mime = MailboxFixture.mime(mid, names[i], "body " + i);
                box.put(Workload.MAIL, ItemKind.MESSAGE, mid, id, message(mid, names[i], id, "2026-01-05T10:00:00Z"), mime, T1);
                atT1.put(mid, mime);
            }
            box.commit();
            Path dir = tmp.resolve("hostile");
            ExportResult r = new ItemExporter().export(box.repo, MailboxFixture.USER, T1, dir, mailOnly());
            assertTrue(r.complete(), r.failures().toString());
            Path root = dir.toAbsolutePath().normalize();
            Set<String> seen = new HashSet<>();
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : all.toList()) {
                    assertTrue(p.toAbsolutePath().normalize().startsWith(root), p.toString());
                    if (p.equals(root)) {
                        continue;
                    }
                    String name = p.getFileName().toString();
                    assertFalse(name.matches("(?i)(con|prn|aux|nul|com\\d|lpt\\d)(\\..*)?"), name);
                    assertFalse(name.equals(".") || name.equals("..") || name.endsWith(".") || name.endsWith(" "), name);
                    assertTrue(name.chars().noneMatch(c -> c < 0x20 || "/\\:*?\"<>|".indexOf(c) >= 0), name);
                    assertTrue(name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 200, name);
                    // unique among siblings even on a case-insensitive file system
                    assertTrue(seen.add(p.getParent() + "/" + name.toLowerCase(java.util.Locale.ROOT)), name);
                }
            }
            Map<String, Path> files = messageFiles(r);
            for (Map.Entry<String, byte[]> m : atT1.entrySet()) {
                assertArrayEquals(m.getValue(), Files.readAllBytes(files.get(m.getKey())), m.getKey());
            }
            assertManifestMatchesDisk(r);
        }
    }

    @Test
    void mboxHoldsEveryMessageOfItsFolder(StorageAccount account) throws IOException {
        try (MailboxFixture box = seed(account)) {
            ExportResult r = new ItemExporter().export(box.repo, MailboxFixture.USER, T1, tmp.resolve("mbox"),
                    mailOnly().withMailFormat(MailFormat.MBOX));
            assertTrue(r.complete(), r.failures().toString());
            Map<String, byte[]> parsed = new HashMap<>();
            for (ExportedFile f : r.files()) {
                assertEquals("mbox", f.kind());
                List<byte[]> messages = MboxReader.read(Files.readAllBytes(r.directory().resolve(f.path())));
                assertEquals(f.itemIds().size(), messages.size(), f.path());
                for (int i = 0; i < messages.size(); i++) {
                    parsed.put(f.itemIds().get(i), messages.get(i));
                }
            }
            assertEquals(atT1.keySet(), parsed.keySet());
            for (Map.Entry<String, byte[]> m : atT1.entrySet()) {
                // mbox can only end a message at a line end: one that had none gets a '\n'.
                byte[] stored = m.getValue();
                byte[] expected = stored[stored.length - 1] == '\n' ? stored : java.util.Arrays.copyOf(stored, stored.length + 1);
                expected[expected.length - 1] = '\n';
                assertArrayEquals(expected, parsed.get(m.getKey()), m.getKey());
            }
            Set<String> paths = new HashSet<>();
            r.files().forEach(f -> paths.add(f.path()));
            assertTrue(paths.containsAll(List.of("mail/Inbox.mbox", "mail/Inbox/Projects.mbox")), paths.toString());
            assertManifestMatchesDisk(r);
        }
    }

    /**
     * Inbox, Inbox/Projects (renamed Archive 2026 at T2) and Sent Items; at T2 one message is
     * edited, one deleted, one moved and one added. The big one spans several chunks, and the
     * quoting one has lines an mbox must escape.
     */
    private MailboxFixture seed(StorageAccount account) {
        MailboxFixture box = new MailboxFixture(account, tmp);
        box.put(Workload.MAIL, ItemKind.MAIL_FOLDER, INBOX, ROOT, folder(INBOX, "Inbox", ROOT), null, T1.minusSeconds(60));
        box.put(Workload.MAIL, ItemKind.MAIL_FOLDER, PROJECTS, INBOX, folder(PROJECTS, "Projects", INBOX), null, T1.minusSeconds(60));
        box.put(Workload.MAIL, ItemKind.MAIL_FOLDER, SENT, ROOT, folder(SENT, "Sent Items", ROOT), null, T1.minusSeconds(60));
        add(box, "m-edited", PROJECTS, "Quarterly plan", "first draft\n", T1.minusSeconds(30));
        add(box, "m-deleted", INBOX, "Lunch?", "12:30 at the usual place\n", T1.minusSeconds(30));
        add(box, "m-moved", INBOX, "Re: contract", "signed copy attached\n", T1.minusSeconds(30));
        add(box, "m-quoting", INBOX, "From lines", "From the start\n>From quoted\n>>From twice\nFrom \nno newline at end", T1.minusSeconds(30));
        StringBuilder big = new StringBuilder();
        Random rnd = new Random(7);
        while (big.length() < 700_000) {
            big.append(Long.toHexString(rnd.nextLong())).append(big.length() % 76 == 0 ? "\n" : "");
        }
        add(box, "m-big", INBOX, "Big one", big.toString(), T1.minusSeconds(30));
        box.commit();

        box.put(Workload.MAIL, ItemKind.MAIL_FOLDER, PROJECTS, INBOX, folder(PROJECTS, "Archive 2026", INBOX), null, T2.minusSeconds(60));
        byte[] edited = MailboxFixture.mime("m-edited", "Quarterly plan", "final version\n");
        box.put(Workload.MAIL, ItemKind.MESSAGE, "m-edited", PROJECTS, message("m-edited", "Quarterly plan", PROJECTS, "2026-01-09T10:00:00Z"),
                edited, T2.minusSeconds(30));
        atT2.put("m-edited", edited);
        box.delete(Workload.MAIL, "m-deleted", T2.minusSeconds(30));
        atT2.remove("m-deleted");
        box.put(Workload.MAIL, ItemKind.MESSAGE, "m-moved", SENT, message("m-moved", "Re: contract", SENT, "2026-01-09T10:00:00Z"),
                atT1.get("m-moved"), T2.minusSeconds(30));
        byte[] added = MailboxFixture.mime("m-added", "New", "after T1\n");
        box.put(Workload.MAIL, ItemKind.MESSAGE, "m-added", INBOX, message("m-added", "New", INBOX, "2026-02-01T10:00:00Z"),
                added, T2.minusSeconds(30));
        atT2.put("m-added", added);
        box.commit();
        return box;
    }

    private void add(MailboxFixture box, String id, String folder, String subject, String body, Instant at) {
        byte[] mime = MailboxFixture.mime(id, subject, body);
        box.put(Workload.MAIL, ItemKind.MESSAGE, id, folder, message(id, subject, folder, "2026-01-0" + (atT1.size() + 1) + "T10:00:00Z"),
                mime, at);
        atT1.put(id, mime);
        atT2.put(id, mime);
    }

    static String folder(String id, String name, String parent) {
        ObjectNode n = JSON.createObjectNode().put("id", id).put("displayName", name).put("parentFolderId", parent)
                .put("childFolderCount", 0).put("unreadItemCount", 0).put("totalItemCount", 0).put("isHidden", false);
        return n.toString();
    }

    static String message(String id, String subject, String folder, String received) {
        ObjectNode n = JSON.createObjectNode().put("id", id).put("subject", subject).put("parentFolderId", folder)
                .put("receivedDateTime", received).put("sentDateTime", received).put("isRead", true).put("isDraft", false)
                .put("importance", "normal");
        n.putObject("from").putObject("emailAddress").put("name", "Alice Example").put("address", "alice@example.com");
        return n.toString();
    }

    static ExportOptions mailOnly() {
        return ExportOptions.defaults().withWorkloads(Set.of(Workload.MAIL));
    }

    static Map<String, Path> messageFiles(ExportResult r) {
        Map<String, Path> out = new HashMap<>();
        for (ExportedFile f : r.files()) {
            if (f.kind().equals(ItemKind.MESSAGE)) {
                assertEquals(1, f.itemIds().size());
                out.put(f.itemIds().get(0), r.directory().resolve(f.path()));
            }
        }
        return out;
    }

    static List<String> segments(ExportResult r, Path file) {
        List<String> out = new ArrayList<>();
        r.directory().relativize(file).forEach(p -> out.add(p.toString()));
        return out;
    }

    /** Every file on disk is in the manifest with its true size and hash, and nothing else is. */
    static void assertManifestMatchesDisk(ExportResult r) throws IOException {
        JsonNode manifest = JSON.readTree(r.directory().resolve("manifest.json").toFile());
        assertEquals(r.item().toString(), manifest.path("protectedItem").asText());
        assertEquals(r.at().toString(), manifest.path("pointInTime").asText());
        Map<String, JsonNode> listed = new HashMap<>();
        manifest.path("files").forEach(f -> listed.put(f.path("path").asText(), f));
        Set<String> onDisk = new HashSet<>();
        try (Stream<Path> all = Files.walk(r.directory())) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                String rel = r.directory().relativize(p).toString().replace('\\', '/');
                if (rel.equals("manifest.json")) {
                    continue;
                }
                onDisk.add(rel);
                JsonNode f = listed.get(rel);
                assertTrue(f != null, "not in the manifest: " + rel);
                byte[] bytes = Files.readAllBytes(p);
                assertEquals(bytes.length, f.path("size").asLong(), rel);
                assertEquals(MailboxFixture.sha256(bytes), f.path("sha256").asText(), rel);
            }
        }
        assertEquals(listed.keySet(), onDisk);
        assertEquals(r.failures().size(), manifest.path("failures").size());
    }
}
