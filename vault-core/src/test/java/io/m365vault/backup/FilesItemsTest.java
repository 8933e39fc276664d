package io.m365vault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.backup.ItemResult.WorkloadResult;
import io.m365vault.graph.GraphReader;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.graphsim.drive.Drive;
import io.m365vault.graphsim.model.SimGroup;
import io.m365vault.graphsim.model.SimUser;
import io.m365vault.graphsim.site.SimSite;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.Repository;
import io.m365vault.testkit.AzuriteExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Which drives an item has (site libraries, a team's drive, none), content shared between drives, a folder deleted whole. */
@ExtendWith(AzuriteExtension.class)
class FilesItemsTest {
    @TempDir
    Path tmp;

    private Repository repo(AzuriteExtension.StorageAccount account) throws Exception {
        return SimTenant.repo(account, tmp, "fi");
    }

    private static WorkloadResult files(ItemBackup backup, String run, Instant t, ProtectedItem item) {
        return backup.run(run, t, item, Set.of(Workload.FILES)).workloads().get(Workload.FILES);
    }

    @Test
    void everyLibraryOfASiteAndATeamsDrive(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(41).users(8).groups(4).filesPerDrive(8).build().start(); Repository repo = repo(account)) {
            SimSite comms = sim.tenant().sites().sites().stream().filter(s -> s.driveIds.size() == 2).findFirst().orElseThrow();
            SimGroup team = sim.tenant().directory().groups().stream().filter(g -> g.unified).findFirst().orElseThrow();
            ItemBackup backup = new ItemBackup(repo, SimTenant.reader(sim, 20), BackupOptions.DEFAULTS);
            Instant t = Instant.now();
            for (ProtectedItem item : new ProtectedItem[] {new ProtectedItem("site", comms.id), new ProtectedItem("group", team.id)}) {
                WorkloadResult r = files(backup, "r", t, item);
                assertEquals(WorkloadResult.Outcome.DONE, r.outcome(), item + ": " + r.reason());
                Map<String, String> expected = SimDrives.simFiles(sim, item.id());
                SimDrives.assertSameFiles(expected, SimDrives.backedUpFiles(repo, item, t));
                if (item.kind().equals("site")) {
                    assertTrue(expected.keySet().stream().anyMatch(p -> p.startsWith("Archive Library/"))
                            && expected.keySet().stream().anyMatch(p -> p.startsWith("Documents/")), "both libraries: " + expected.keySet());
                }
            }
        }
    }

    @Test
    void aUserWithoutOneDriveIsSkippedNotFailed(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(42).users(8).filesPerDrive(2).build().start(); Repository repo = repo(account)) {
            String user = null;
            for (int i = 0; user == null; i++) {
                if (sim.tenant().directory().user(i).kind == SimUser.Kind.NO_ONEDRIVE) {
                    user = sim.tenant().directory().user(i).id;
                }
            }
            WorkloadResult r = files(new ItemBackup(repo, SimTenant.reader(sim, 20), BackupOptions.DEFAULTS), "r", Instant.now(),
                    new ProtectedItem("user", user));
            assertEquals(WorkloadResult.Outcome.SKIPPED, r.outcome(), r.reason());
            assertTrue(r.reason().contains("ResourceNotFound") && r.reason().contains("/drive"), r.reason());
        }
    }

    @Test
    void theSameFileInTwoDrivesIsStoredOnce(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(43).users(8).filesPerDrive(12).set("dedup-fraction", "0.5").build().start();
             Repository repo = repo(account)) {
            ItemBackup backup = new ItemBackup(repo, SimTenant.reader(sim, 20), BackupOptions.DEFAULTS);
            Instant t = Instant.now();
            ProtectedItem a = new ProtectedItem("user", sim.tenant().directory().user(0).id);
            ProtectedItem b = new ProtectedItem("user", sim.tenant().directory().user(6).id);
            files(backup, "r", t, a);
            long rowsAfterA = new io.m365vault.repo.Verifier(repo).verify(false).indexRows();
            WorkloadResult second = files(backup, "r", t, b);
            long rowsAfterB = new io.m365vault.repo.Verifier(repo).verify(false).indexRows();
            CatalogEntry inA = brandGuide(repo, a, t);
            CatalogEntry inB = brandGuide(repo, b, t);
            assertEquals(1_500_000, inB.content().size());
            assertEquals(inA.content(), inB.content(), "one content, the same chunks");
            long chunksOfB = repo.catalog().at(b.partition(Workload.FILES), t).stream().filter(e -> e.kind().equals(ItemKind.FILE))
                    .filter(e -> !e.content().equals(inA.content())).mapToLong(e -> e.content().ids().size()).sum();
            assertTrue(rowsAfterB - rowsAfterA <= chunksOfB, "B stored only chunks A does not have: " + (rowsAfterB - rowsAfterA)
                    + " new index rows for " + chunksOfB + " chunks outside the shared file; " + second.stats());
        }
    }

    private static CatalogEntry brandGuide(Repository repo, ProtectedItem item, Instant t) {
        return repo.catalog().at(item.partition(Workload.FILES), t).stream()
                .filter(e -> Json.read(e.metadata()).path("name").asText().startsWith("Contoso-Brand-Guide")).findFirst().orElseThrow();
    }

    @Test
    void aDeletedFolderClosesEverythingUnderIt(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(44).users(6).filesPerDrive(30).build().start(); Repository repo = repo(account)) {
            ProtectedItem item = new ProtectedItem("user", SimDrives.driveUser(sim));
            GraphReader real = SimTenant.reader(sim, 20);
            // Some OneDrives report only the folder as deleted, not what was in it: drop the rest from delta pages.
            GraphReader folderOnly = new PassThroughGraph(real) {
                @Override
                public JsonNode get(String pathOrUrl) throws IOException {
                    JsonNode page = real.get(pathOrUrl);
                    if (page.has("value")) {
                        ArrayNode kept = ((ObjectNode) page).putArray("kept");
                        page.get("value").forEach(i -> {
                            if (!(i.has("deleted") && i.has("file"))) {
                                kept.add(i);
                            }
                        });
                        ((ObjectNode) page).set("value", kept);
                        ((ObjectNode) page).remove("kept");
                    }
                    return page;
                }
            };
            ItemBackup backup = new ItemBackup(repo, folderOnly, BackupOptions.DEFAULTS);
            Instant t1 = Instant.now();
            files(backup, "r1", t1, item);
            Map<String, String> before = SimDrives.simFiles(sim, item.id());
            assertTrue(before.keySet().stream().anyMatch(p -> p.startsWith("OneDrive/Documents/Reports/")), before.keySet().toString());

            Drive d = sim.tenant().drive(sim.tenant().sites().userDriveId(item.id()));
            synchronized (d) {
                d.delete(d.item("root:/Documents:"));
            }
            Instant t2 = t1.plusSeconds(60);
            WorkloadResult r = files(backup, "r2", t2, item);
            assertEquals(WorkloadResult.Outcome.DONE, r.outcome(), r.reason());
            Map<String, String> after = SimDrives.simFiles(sim, item.id());
            assertFalse(after.keySet().stream().anyMatch(p -> p.startsWith("OneDrive/Documents/")));
            SimDrives.assertSameFiles(after, SimDrives.backedUpFiles(repo, item, t2));
            SimDrives.assertSameFiles(before, SimDrives.backedUpFiles(repo, item, t1));
        }
    }

    @Test
    void aRenamedFolderMovesItsTreeWithoutDownloadingIt(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(45).users(6).filesPerDrive(25).build().start(); Repository repo = repo(account)) {
            ProtectedItem item = new ProtectedItem("user", SimDrives.driveUser(sim));
            ItemBackup backup = new ItemBackup(repo, SimTenant.reader(sim, 20), BackupOptions.DEFAULTS);
            Instant t1 = Instant.now();
            files(backup, "r1", t1, item);
            Drive d = sim.tenant().drive(sim.tenant().sites().userDriveId(item.id()));
            synchronized (d) {
                d.move(d.item("root:/Documents/Reports:"), d.item("root:/Shared:"), "Reports (old)");
                d.move(d.item("root:/Documents:"), d.root, "Docs");
            }
            Map<String, String> after = SimDrives.simFiles(sim, item.id());
            assertTrue(after.keySet().stream().anyMatch(p -> p.startsWith("OneDrive/Shared/Reports (old)/"))
                    && after.keySet().stream().anyMatch(p -> p.startsWith("OneDrive/Docs/")), after.keySet().toString());
            Instant t2 = t1.plusSeconds(60);
            WorkloadResult r = files(backup, "r2", t2, item);
            SimDrives.assertSameFiles(after, SimDrives.backedUpFiles(repo, item, t2));
            assertEquals(0, r.stats().contentFetched(), "paths follow the folders; no file is fetched again: " + r.stats());
        }
    }
}
