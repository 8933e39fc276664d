package io.m365vault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.graph.TenantGraph;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.repo.Repository;
import io.m365vault.restore.ExportException;
import io.m365vault.restore.ExportOptions;
import io.m365vault.restore.ExportResult;
import io.m365vault.restore.ExportedFile;
import io.m365vault.restore.ItemExporter;
import io.m365vault.restore.SearchScope;
import io.m365vault.restore.tenant.FileRestore;
import io.m365vault.restore.tenant.MailRestore;
import io.m365vault.restore.tenant.RestoreRefusedException;
import io.m365vault.restore.tenant.TenantRestoreOptions;
import io.m365vault.restore.tenant.TenantRestoreResult;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search over the catalog's metadata, and one message by its path, exported and restored into
 * the tenant (real SDK against graph-sim, repository on Azurite): exactly the items graph-sim's
 * own view says match, and no others.
 */
@ExtendWith(AzuriteExtension.class)
class SearchRestoreTest {
    @TempDir
    Path tmp;

    @Test
    void aSearchBySenderAndDateExportsAndRestoresExactlyTheMatchingMessages(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(91).users(12).messagesPerFolder(6).build().start();
             Repository repo = SimTenant.repo(account, tmp, "srch");
             TenantGraph graph = SimTenant.graph(sim)) {
            List<String> users = SimTenant.twoMailUsers(sim);
            String a = users.get(0);
            String b = users.get(1);
            Instant t = Instant.now();
            SimTenant.backup(sim, repo, a, t, Workload.MAIL);
            Set<String> backedUp = SimTenant.backedUpMail(repo, a, t).keySet();
            List<JsonNode> messages = new ArrayList<>();
            sim.snapshot(a).path("mail").forEach(m -> {
                if (backedUp.contains(m.get("id").asText())) {
                    messages.add(m);
                }
            });
            // The commonest sender that is not everyone's, and the middle received time: a search that picks some, not all.
            Map<String, Integer> senders = new HashMap<>();
            messages.forEach(m -> senders.merge(m.path("from").asText("").toLowerCase(Locale.ROOT), 1, Integer::sum));
            String sender = senders.entrySet().stream().filter(e -> !e.getKey().isEmpty() && e.getValue() < messages.size())
                    .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            List<Instant> times = messages.stream().map(m -> Instant.parse(m.get("receivedDateTime").asText())).sorted().toList();
            Instant cut = times.get(times.size() / 3);
            String part = sender.substring(0, sender.indexOf('@')).toUpperCase(Locale.ROOT);
            SearchScope search = new SearchScope(null, part, null, cut, null);
            Set<String> expected = new TreeSet<>();
            for (JsonNode m : messages) {
                if (m.path("from").asText("").toLowerCase(Locale.ROOT).contains(sender.substring(0, sender.indexOf('@')))
                        && !Instant.parse(m.get("receivedDateTime").asText()).isBefore(cut)) {
                    expected.add(m.get("id").asText());
                }
            }
            assertTrue(!expected.isEmpty() && expected.size() < messages.size(), expected.size() + " of " + messages.size());

            ExportResult exported = new ItemExporter().export(repo, new ProtectedItem("user", a), t, tmp.resolve("x"),
                    ExportOptions.defaults().withWorkloads(Set.of(Workload.MAIL)).withSearch(search));
            assertEquals(expected, SimTenant.exportedMail(exported).keySet(), "the export holds the matching messages only");

            Set<String> restoredIds = imids(sim, b, "Found/");
            assertTrue(restoredIds.isEmpty());
            TenantRestoreResult r = new MailRestore(repo, graph).plan(new ProtectedItem("user", a), t, null, search)
                    .run("job1", new TenantRestoreOptions(new ProtectedItem("user", b), "Found", false));
            assertTrue(r.complete(), r.failures().toString());
            Set<String> wanted = new TreeSet<>();
            messages.stream().filter(m -> expected.contains(m.get("id").asText())).forEach(m -> wanted.add(m.get("internetMessageId").asText()));
            assertEquals(wanted, imids(sim, b, "Found/"), "the restore wrote the matching messages only");
            assertEquals(expected.size(), r.restored());

            // One message by its path: its folder's names, then its id.
            JsonNode one = messages.stream().filter(m -> expected.contains(m.get("id").asText())).findFirst().orElseThrow();
            String path = one.get("folder").asText() + "/" + one.get("id").asText();
            ExportResult single = new ItemExporter().export(repo, new ProtectedItem("user", a), t, tmp.resolve("one"),
                    ExportOptions.defaults().withWorkloads(Set.of(Workload.MAIL)).withMailPath(path));
            assertEquals(Set.of(one.get("id").asText()), SimTenant.exportedMail(single).keySet());
            TenantRestoreResult oneBack = new MailRestore(repo, graph).plan(new ProtectedItem("user", a), t, path, SearchScope.ALL)
                    .run("job2", new TenantRestoreOptions(new ProtectedItem("user", b), "One", false));
            assertEquals(1, oneBack.restored());
            assertEquals(Set.of(one.get("internetMessageId").asText()), imids(sim, b, "One/"));

            // Nothing matching, or a path naming nothing: one line each, nothing written.
            SearchScope none = new SearchScope("no such subject anywhere", null, null, null, null);
            RestoreRefusedException refused = assertThrows(RestoreRefusedException.class,
                    () -> new MailRestore(repo, graph).plan(new ProtectedItem("user", a), t, null, none));
            assertTrue(refused.getMessage().contains("matched by the search (subject~\"no such subject anywhere\")"), refused.getMessage());
            ExportException empty = assertThrows(ExportException.class, () -> new ItemExporter().export(repo, new ProtectedItem("user", a), t,
                    tmp.resolve("none"), ExportOptions.defaults().withWorkloads(Set.of(Workload.MAIL)).withSearch(none)));
            assertTrue(empty.getMessage().contains("matches the search"), empty.getMessage());
            RestoreRefusedException nowhere = assertThrows(RestoreRefusedException.class,
                    () -> new MailRestore(repo, graph).plan(new ProtectedItem("user", a), t, "Inbox/NoSuchFolder", SearchScope.ALL));
            assertTrue(nowhere.getMessage().startsWith("no mail folder or message 'NoSuchFolder' at Inbox/NoSuchFolder"), nowhere.getMessage());
        }
    }

    @Test
    void aSearchByFileNameRestoresAndExportsTheMatchingFilesWithoutEmptyFolders(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(92).users(12).filesPerDrive(30).build().start();
             Repository repo = SimTenant.repo(account, tmp, "srchf");
             TenantGraph graph = SimTenant.graph(sim)) {
            List<String> users = FileRestoreTest.twoDriveUsers(sim);
            ProtectedItem a = new ProtectedItem("user", users.get(0));
            ProtectedItem b = new ProtectedItem("user", users.get(1));
            Instant t = Instant.now();
            SimTenant.backup(sim, repo, a.id(), t, Workload.FILES);
            Map<String, String> all = FileRestoreTest.shown(sim, a.id(), "");
            // The commonest extension that not every file has.
            Map<String, Integer> exts = new HashMap<>();
            all.keySet().forEach(p -> exts.merge(extension(p), 1, Integer::sum));
            String ext = exts.entrySet().stream().filter(e -> !e.getKey().isEmpty() && e.getValue() < all.size())
                    .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            Map<String, String> expected = new HashMap<>();
            all.forEach((p, v) -> {
                if (p.substring(p.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT).contains(ext)) {
                    expected.put(p, v);
                }
            });
            SearchScope search = new SearchScope(null, null, ext.toUpperCase(Locale.ROOT), null, null);

            TenantRestoreResult r = new FileRestore(repo, graph).plan(a, t, null, false, search)
                    .run("job1", new TenantRestoreOptions(b, "Found", false));
            assertTrue(r.complete(), r.failures().toString());
            assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(FileRestoreTest.shown(sim, b.id(), "/Found").keySet()));
            assertEquals(expected, FileRestoreTest.shown(sim, b.id(), "/Found"), "the matching files, bytes and times");
            Set<String> folders = new TreeSet<>();
            expected.keySet().forEach(p -> {
                for (int i = p.indexOf('/', 1); i > 0; i = p.indexOf('/', i + 1)) {
                    folders.add(p.substring(0, i));
                }
            });
            assertEquals(expected.size() + folders.size(), r.items(), "the files and the folders on their way, no other folder: " + folders);

            ExportResult exported = new ItemExporter().export(repo, a, t, tmp.resolve("x"),
                    ExportOptions.defaults().withWorkloads(Set.of(Workload.FILES)).withSearch(search));
            Set<String> names = new TreeSet<>();
            exported.files().stream().filter(f -> f.kind().equals(ItemKind.FILE)).map(ExportedFile::path)
                    .forEach(p -> names.add(p.substring(p.lastIndexOf('/') + 1)));
            Set<String> wanted = new TreeSet<>();
            expected.keySet().forEach(p -> wanted.add(p.substring(p.lastIndexOf('/') + 1)));
            assertEquals(wanted, names, "the export holds the matching files only");
        }
    }

    private static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.lastIndexOf('.') > 0 ? name.substring(name.lastIndexOf('.')).toLowerCase(Locale.ROOT) : "";
    }

    /** The internetMessageIds of {@code user}'s messages in folders under {@code prefix}. */
    private static Set<String> imids(GraphSim sim, String user, String prefix) {
        Set<String> out = new TreeSet<>();
        for (JsonNode m : sim.snapshot(user).path("mail")) {
            if (m.get("folder").asText().startsWith(prefix)) {
                out.add(m.get("internetMessageId").asText());
            }
        }
        return out;
    }
}
