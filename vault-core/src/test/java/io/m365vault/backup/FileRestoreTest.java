package io.m365vault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.kiota.HttpMethod;
import io.m365vault.graph.TenantGraph;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.graphsim.model.SimUser;
import io.m365vault.repo.Repository;
import io.m365vault.restore.tenant.FileRestore;
import io.m365vault.restore.tenant.RestoreRefusedException;
import io.m365vault.restore.tenant.TenantRestoreOptions;
import io.m365vault.restore.tenant.TenantRestoreResult;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files restored into the tenant through the real Graph SDK against graph-sim over HTTP, from a
 * repository on Azurite: compared with the original as graph-sim shows both (bytes, size, times)
 * and as a backup of the target holds them (bytes, folders).
 */
@ExtendWith(AzuriteExtension.class)
class FileRestoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Over Graph's 4 MB simple upload: the upload session, in three slices. */
    private static final String LARGE_MB = "9";

    @TempDir
    Path tmp;
    private GraphSim sim;
    private Repository repo;
    private TenantGraph graph;
    private ProtectedItem a;

    @Test
    void aOneDriveRestoredToAnotherUserEqualsTheOriginalLargeFileAndTimesAndFolders(AzuriteExtension.StorageAccount account) throws Exception {
        Instant t1 = backUp(account, 71, 25, true);
        ProtectedItem b = new ProtectedItem("user", twoDriveUsers(sim).get(1));
        Map<String, String> original = shown(sim, a.id(), "");
        assertTrue(sim.snapshot(a.id()).path("files").findValues("size").stream().anyMatch(s -> s.asLong() > 8L * 1024 * 1024),
                "the large file is among them");

        TenantRestoreResult r = new FileRestore(repo, graph).restore("job1", a, t1, null,
                new TenantRestoreOptions(b, "Restored", false));
        assertTrue(r.complete(), r.failures().toString());
        assertEquals(original, shown(sim, b.id(), "/Restored"), "every file under Restored: bytes, size, created and modified times");

        Instant t2 = t1.plusSeconds(60);
        SimTenant.backup(sim, repo, b.id(), t2, Workload.FILES);
        assertEquals(SimDrives.backedUpFiles(repo, a, t1), under(SimDrives.backedUpFiles(repo, b, t2), "OneDrive/Restored"),
                "a backup of the target holds the same bytes");
        List<String> folders = SimDrives.backedUpFolders(repo, a, t1);
        assertTrue(folders.size() > 3, "folders to compare: " + folders);
        assertEquals(folders, SimDrives.backedUpFolders(repo, b, t2).stream().filter(f -> f.startsWith("OneDrive/Restored/"))
                .map(f -> f.replaceFirst("^OneDrive/Restored", "OneDrive")).toList(), "the same folders, empty ones too");
        assertEquals(folders.size() + original.size(), r.items(), "every folder and file is an item");
    }

    @Test
    void intoTheOriginalPlaceTwiceRenamesAndSkipExistingAddsNothing(AzuriteExtension.StorageAccount account) throws Exception {
        Instant t = backUp(account, 72, 15, false);
        Map<String, String> originals = byId(sim, a.id());
        FileRestore restore = new FileRestore(repo, graph);
        TenantRestoreResult once = restore.restore("job1", a, t, null, new TenantRestoreOptions(a, null, false));
        TenantRestoreResult twice = restore.restore("job2", a, t, null, new TenantRestoreOptions(a, null, false));
        assertTrue(once.complete() && twice.complete(), once.failures() + " " + twice.failures());
        assertEquals(0, once.foldersCreated() + twice.foldersCreated(), "the folders there are used");
        Map<String, String> now = byId(sim, a.id());
        originals.forEach((id, v) -> assertEquals(v, now.get(id), "original file " + id + " untouched"));
        assertEquals(originals.size() * 3, now.size(), "each original and two copies");
        Map<String, String> paths = paths(sim, a.id());
        for (String p : paths(sim, a.id(), originals.keySet())) {
            int dot = p.lastIndexOf('.') > p.lastIndexOf('/') ? p.lastIndexOf('.') : p.length();
            for (String n : List.of(" 1", " 2")) {
                String copy = p.substring(0, dot) + n + p.substring(dot);
                assertEquals(paths.get(p), paths.get(copy), copy + " holds the bytes of " + p);
            }
        }

        TenantRestoreResult skipping = restore.restore("job3", a, t, null, new TenantRestoreOptions(a, null, true));
        assertTrue(skipping.complete(), skipping.failures().toString());
        assertEquals(0, skipping.restored(), "nothing added");
        assertEquals(skipping.items(), skipping.skipped());
        assertEquals(now, byId(sim, a.id()), "the drive as it was");
    }

    @Test
    void aFileFailingMidwayLeavesNothingAndTheRestAreRestored(AzuriteExtension.StorageAccount account) throws Exception {
        Instant t = backUp(account, 73, 15, true);
        Map<String, String> original = shown(sim, a.id(), "");
        ObjectNode fault = JSON.createObjectNode();
        // The large file's second slice (the first went in) and one small file's times: both after their first write.
        fault.putArray("inject").addObject().put("path", "/_upload/").put("method", "PUT").put("status", 400)
                .put("code", "invalidRange").put("count", 1).put("after", 1);
        ((com.fasterxml.jackson.databind.node.ArrayNode) fault.get("inject")).addObject().put("path", "/items/").put("method", "PATCH")
                .put("status", 400).put("code", "invalidRequest").put("count", 1);
        sim.faults(fault);
        FileRestore restore = new FileRestore(repo, graph);
        TenantRestoreResult first = restore.restore("job1", a, t, null, new TenantRestoreOptions(a, "Restored", false));
        assertEquals(2, first.failures().size(), first.failures().toString());
        String failures = first.failures().toString();
        assertTrue(failures.contains("upload session was cancelled") && failures.contains("partial copy was removed"), failures);
        Map<String, String> restored = shown(sim, a.id(), "/Restored");
        assertEquals(original.size() - 2, restored.size(), "the two failed files are not there, the rest are");
        restored.forEach((p, v) -> assertEquals(original.get(p), v, p));

        TenantRestoreResult again = restore.restore("job2", a, t, null, new TenantRestoreOptions(a, "Restored", true));
        assertTrue(again.complete(), again.failures().toString());
        assertEquals(2, again.restored(), "the re-run restores the two, and only them");
        assertEquals(original, shown(sim, a.id(), "/Restored"));
    }

    @Test
    void aPointInTimeBeforeADeletionBringsTheFileBackAndAPathRestoresOneFolder(AzuriteExtension.StorageAccount account) throws Exception {
        Instant t1 = backUp(account, 74, 15, false);
        Map<String, String> before = shown(sim, a.id(), "");
        JsonNode victim = sim.snapshot(a.id()).path("files").get(0);
        graph.requests().send(HttpMethod.DELETE, "/drives/" + victim.get("driveId").asText() + "/items/" + victim.get("id").asText(), null, null);
        Instant t2 = t1.plusSeconds(60);
        SimTenant.backup(sim, repo, a.id(), t2, Workload.FILES);
        assertFalse(shown(sim, a.id(), "").containsKey(victim.get("path").asText()));

        FileRestore restore = new FileRestore(repo, graph);
        TenantRestoreResult atT2 = restore.restore("job1", a, t2, null, new TenantRestoreOptions(a, null, true));
        assertEquals(0, atT2.restored(), "at t2 the drive holds all the backup has");
        TenantRestoreResult atT1 = restore.restore("job2", a, t1, null, new TenantRestoreOptions(a, null, true));
        assertTrue(atT1.complete(), atT1.failures().toString());
        assertEquals(1, atT1.restored(), "the deleted file, and nothing else");
        assertEquals(before, shown(sim, a.id(), ""), "back under its name with its bytes and times");

        // A PATH: one folder, written where it was, under a folder of its own.
        String folder = victim.get("path").asText().replaceFirst("/[^/]*$", "");
        TenantRestoreResult one = restore.restore("job3", a, t1, "OneDrive" + folder, new TenantRestoreOptions(a, "One", false));
        assertTrue(one.complete(), one.failures().toString());
        Map<String, String> inFolder = before.entrySet().stream().filter(e -> e.getKey().startsWith(folder + "/"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (x, y) -> x, TreeMap::new));
        assertFalse(inFolder.isEmpty());
        assertEquals(inFolder, shown(sim, a.id(), "/One"), "that folder's files only");
    }

    @Test
    void keptVersionsAreRestoredAsVersionsOfTheCopyOldestFirst(AzuriteExtension.StorageAccount account) throws Exception {
        Instant t = backUp(account, 76, 15, false, BackupOptions.DEFAULTS.withFileVersions(2));
        ProtectedItem b = new ProtectedItem("user", twoDriveUsers(sim).get(1));
        Map<String, List<String>> original = history(sim, a.id(), "", 3);
        assertTrue(original.values().stream().anyMatch(h -> h.size() == 3), "files with two earlier versions: " + original);

        TenantRestoreResult r = new FileRestore(repo, graph).plan(a, t, null, true).run("job1", new TenantRestoreOptions(b, "V", false));
        assertTrue(r.complete(), r.failures().toString());
        assertEquals(original, history(sim, b.id(), "/V", 3), "each copy's history: the kept versions, oldest first, then the current one");
        assertEquals(shown(sim, a.id(), ""), shown(sim, b.id(), "/V"), "the current versions with their times");
    }

    /** path -> the sha256 of the file's last {@code keep} versions, oldest first, of the files under {@code under}. */
    private static Map<String, List<String>> history(GraphSim sim, String owner, String under, int keep) {
        Map<String, List<String>> out = new TreeMap<>();
        io.m365vault.graphsim.drive.Drive d = sim.tenant().drive(sim.tenant().sites().userDriveId(owner));
        synchronized (d) {
            for (io.m365vault.graphsim.drive.DriveItem f : d.liveFiles()) {
                String p = d.path(d.parent(f)).substring("/drive/root:".length()) + "/" + f.name;
                if (p.startsWith(under + "/")) {
                    List<String> h = f.versions.subList(Math.max(0, f.versions.size() - keep), f.versions.size()).stream()
                            .map(v -> io.m365vault.graphsim.model.Hashes.sha256(o -> v.content().write(o, 0, v.content().length()))).toList();
                    out.put(p.substring(under.length()), h);
                }
            }
        }
        return out;
    }

    @Test
    void aOneDriveRestoredIntoAGroupsAndASitesDriveEqualsTheOriginal(AzuriteExtension.StorageAccount account) throws Exception {
        Instant t = backUp(account, 77, 10, false);
        Map<String, String> original = shown(sim, a.id(), "");
        String group = sim.tenant().directory().groups().stream().filter(g -> sim.tenant().sites().groupSite(g.id) != null)
                .findFirst().orElseThrow().id;
        String site = sim.tenant().sites().sites().stream().filter(x -> x.groupId == null).findFirst().orElseThrow().id;
        FileRestore restore = new FileRestore(repo, graph);
        for (ProtectedItem into : List.of(new ProtectedItem("group", group), new ProtectedItem("site", site))) {
            TenantRestoreResult r = restore.restore("job-" + into.kind(), a, t, null, new TenantRestoreOptions(into, "From A", false));
            assertTrue(r.complete(), into + ": " + r.failures());
            assertEquals(original, shown(sim, into.id(), "/From A"), "every file with its bytes and times in the drive of " + into);
        }
    }

    @Test
    void aSitesLibrariesRestoredIntoAnotherSiteGoIntoItsLibrariesOfTheSameNames(AzuriteExtension.StorageAccount account) throws Exception {
        sim = GraphSim.builder().seed(79).users(4).filesPerDrive(8).build().start();
        repo = SimTenant.repo(account, tmp, "frs");
        graph = SimTenant.graph(sim);
        List<String> comms = sim.tenant().sites().sites().stream().filter(x -> x.name.startsWith("comms")).map(x -> x.id).toList();
        ProtectedItem from = new ProtectedItem("site", comms.get(0));
        ProtectedItem into = new ProtectedItem("site", comms.get(1));
        Instant t = Instant.now();
        ItemResult backup = new ItemBackup(repo, SimTenant.reader(sim, 50), BackupOptions.DEFAULTS).run("r1", t, from, java.util.Set.of(Workload.FILES));
        assertEquals(ItemResult.WorkloadResult.Outcome.DONE, backup.workloads().get(Workload.FILES).outcome());
        Map<String, String> original = byDrive(sim, from.id(), "");
        assertEquals(java.util.Set.of("Documents", "Archive Library"),
                original.keySet().stream().map(k -> k.substring(0, k.indexOf('|'))).collect(java.util.stream.Collectors.toSet()),
                "files in both of the site's libraries");

        TenantRestoreResult r = new FileRestore(repo, graph).restore("job1", from, t, null, new TenantRestoreOptions(into, "From Comms1", false));
        assertTrue(r.complete(), r.failures().toString());
        assertEquals(original, byDrive(sim, into.id(), "/From Comms1"), "each library's files in the other site's library of its name");
    }

    /** drive name|path -> line of the files under {@code under} in each of the owner's drives. */
    private static Map<String, String> byDrive(GraphSim sim, String owner, String under) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode f : sim.snapshot(owner).path("files")) {
            String p = f.get("path").asText();
            if (p.startsWith(under + "/")) {
                out.put(f.get("drive").asText() + "|" + p.substring(under.length()), line(f));
            }
        }
        return out;
    }

    @Test
    void aMissingDriveOrARefusedWriteStopsWithOneLineAndWritesNothing(AzuriteExtension.StorageAccount account) throws Exception {
        Instant t = backUp(account, 75, 10, false);
        Map<String, String> before = byId(sim, a.id());
        FileRestore restore = new FileRestore(repo, graph);
        RestoreRefusedException missing = assertThrows(RestoreRefusedException.class, () -> restore.restore("job1", a, t, null,
                new TenantRestoreOptions(new ProtectedItem("user", "00000000-0000-0000-0000-000000000000"), "Restored", false)));
        assertTrue(missing.getMessage().startsWith("user:00000000-0000-0000-0000-000000000000 is not in the tenant (404"),
                missing.getMessage());
        RestoreRefusedException noPath = assertThrows(RestoreRefusedException.class, () -> restore.plan(a, t, "OneDrive/No such folder", false));
        assertTrue(noPath.getMessage().startsWith("no folder or file OneDrive/No such folder in the files of " + a), noPath.getMessage());

        ObjectNode fault = JSON.createObjectNode();
        fault.putArray("inject").addObject().put("path", ":/content").put("method", "PUT").put("status", 403)
                .put("code", "accessDenied").put("count", 1000);
        sim.faults(fault);
        RestoreRefusedException denied = assertThrows(RestoreRefusedException.class, () -> restore.restore("job2", a, t, null,
                new TenantRestoreOptions(a, null, false)));
        assertTrue(denied.getMessage().contains("the drive of " + a + " (403 accessDenied)") && denied.getMessage().contains("Files.ReadWrite.All"),
                denied.getMessage());
        assertEquals(before, byId(sim, a.id()), "nothing written");
    }

    /**
     * A tenant ({@link #sim}) whose first drive user's OneDrive ({@link #a}) is backed up into
     * {@link #repo}, and a restore's Graph client; returns the backup's time.
     *
     * @param large with graph-sim's large file (over 4 MB) in that OneDrive
     */
    private Instant backUp(AzuriteExtension.StorageAccount account, long seed, int files, boolean large) throws Exception {
        return backUp(account, seed, files, large, BackupOptions.DEFAULTS);
    }

    /** As above, backed up with {@code options} (earlier versions kept). */
    private Instant backUp(AzuriteExtension.StorageAccount account, long seed, int files, boolean large, BackupOptions options) throws Exception {
        GraphSim.Builder b = GraphSim.builder().seed(seed).users(12).filesPerDrive(files);
        sim = (large ? b.set("large-file-mb", LARGE_MB) : b).build().start();
        repo = SimTenant.repo(account, tmp, "fr");
        graph = SimTenant.graph(sim);
        a = new ProtectedItem("user", twoDriveUsers(sim).get(0));
        Instant t = Instant.now();
        ItemResult r = new ItemBackup(repo, SimTenant.reader(sim, 50), options).run("r" + t.toEpochMilli(), t, a, java.util.Set.of(Workload.FILES));
        assertEquals(ItemResult.WorkloadResult.Outcome.DONE, r.workloads().get(Workload.FILES).outcome(), r.workloads().get(Workload.FILES).reason());
        return t;
    }

    @AfterEach
    void close() throws Exception {
        try (GraphSim s = sim; Repository r = repo; TenantGraph g = graph) {
            // closed in reverse order; any of them null when the test made its own
        }
    }

    /** The first two normal users whose OneDrive has files: a restore's source and target. */
    static List<String> twoDriveUsers(GraphSim sim) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; out.size() < 2; i++) {
            SimUser u = sim.tenant().directory().user(i);
            if (u.kind == SimUser.Kind.NORMAL && !sim.snapshot(u.id).path("files").isEmpty()) {
                out.add(u.id);
            }
        }
        return out;
    }

    /** The files graph-sim shows under {@code under} (prefix cut): path -> sha256|size|created|modified. */
    static Map<String, String> shown(GraphSim sim, String owner, String under) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode f : sim.snapshot(owner).path("files")) {
            String p = f.get("path").asText();
            if (p.startsWith(under + "/")) {
                out.put(p.substring(under.length()), line(f));
            }
        }
        return out;
    }

    private static String line(JsonNode f) {
        return f.get("sha256").asText() + "|" + f.get("size").asLong() + "|" + f.get("createdDateTime").asText() + "|"
                + f.get("lastModifiedDateTime").asText();
    }

    /** id -> path|line|versions: what an original keeps when nothing touches it. */
    private static Map<String, String> byId(GraphSim sim, String owner) {
        Map<String, String> out = new TreeMap<>();
        sim.snapshot(owner).path("files").forEach(f -> out.put(f.get("id").asText(),
                f.get("path").asText() + "|" + line(f) + "|" + f.get("versions").asInt()));
        return out;
    }

    private static Map<String, String> paths(GraphSim sim, String owner) {
        Map<String, String> out = new TreeMap<>();
        sim.snapshot(owner).path("files").forEach(f -> out.put(f.get("path").asText(), f.get("sha256").asText()));
        return out;
    }

    private static List<String> paths(GraphSim sim, String owner, java.util.Set<String> ids) {
        return java.util.stream.StreamSupport.stream(sim.snapshot(owner).path("files").spliterator(), false)
                .filter(f -> ids.contains(f.get("id").asText())).map(f -> f.get("path").asText()).toList();
    }

    private static Map<String, String> under(Map<String, String> files, String prefix) {
        Map<String, String> out = new TreeMap<>();
        files.forEach((p, v) -> {
            if (p.startsWith(prefix + "/")) {
                out.put("OneDrive" + p.substring(prefix.length()), v);
            }
        });
        return out;
    }
}
