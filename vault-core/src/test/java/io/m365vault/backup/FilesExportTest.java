package io.m365vault.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.repo.Repository;
import io.m365vault.restore.ExportException;
import io.m365vault.restore.ExportOptions;
import io.m365vault.restore.ExportResult;
import io.m365vault.restore.ItemExporter;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Files backed up, changed, backed up again, then exported at both points: each export is the drive at its time, byte for byte. */
@ExtendWith(AzuriteExtension.class)
class FilesExportTest {
    private static final Set<Workload> FILES = Set.of(Workload.FILES);
    @TempDir
    Path tmp;

    /** The sim's files as "files/<drive><path>" -> "sha256 modified-time". */
    private static Map<String, String> expected(GraphSim sim, String owner) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode f : sim.snapshot(owner).path("files")) {
            out.put("files/" + f.get("drive").asText() + f.get("path").asText(),
                    f.get("sha256").asText() + " " + Instant.parse(f.get("lastModifiedDateTime").asText()));
        }
        return out;
    }

    /** What is on disk under the export, read back. */
    private static Map<String, String> onDisk(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir.resolve("files"))) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString().replace('\\', '/'),
                        SimTenant.sha256(Files.readAllBytes(p)) + " " + Files.getLastModifiedTime(p).toInstant());
            }
        }
        return out;
    }

    @Test
    void eachExportEqualsTheDriveAtItsTimeWithAManifestOfGraphHashes(AzuriteExtension.StorageAccount account) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(52).users(6).filesPerDrive(30).build().start();
             Repository repo = SimTenant.repo(account, tmp, "fx")) {
            ProtectedItem item = new ProtectedItem("user", SimDrives.driveUser(sim));
            ItemBackup backup = new ItemBackup(repo, SimTenant.reader(sim, 10), BackupOptions.DEFAULTS);
            Map<String, String> drive1 = expected(sim, item.id());
            Map<String, String> qxh1 = new HashMap<>();
            sim.snapshot(item.id()).path("files").forEach(f -> qxh1.put(f.get("id").asText(), f.get("quickXorHash").asText()));
            Instant t1 = Instant.now();
            assertTrue(backup.run("r1", t1, item, FILES).ok());
            sim.mutate(6, 0.3, "files");
            Map<String, String> drive2 = expected(sim, item.id());
            Instant t2 = t1.plusSeconds(60);
            assertTrue(backup.run("r2", t2, item, FILES).ok());

            ItemExporter exporter = new ItemExporter();
            ExportOptions files = ExportOptions.defaults().withWorkloads(FILES);
            ExportResult at1 = exporter.export(repo, item, t1, tmp.resolve("t1"), files);
            ExportResult at2 = exporter.export(repo, item, t2, tmp.resolve("t2"), files);
            assertTrue(at1.complete() && at2.complete(), at1.failures() + " " + at2.failures());
            SimDrives.assertSameFiles(drive1, onDisk(at1.directory()));
            SimDrives.assertSameFiles(drive2, onDisk(at2.directory()));
            assertTrue(Files.isDirectory(at1.directory().resolve("files/OneDrive/Documents/Reports/2024")), "the folder tree, empty folders too");

            JsonNode manifest = new ObjectMapper().readTree(at1.directory().resolve("manifest.json").toFile());
            int checked = 0;
            for (JsonNode f : manifest.path("files")) {
                String id = f.path("itemIds").get(0).asText();
                assertEquals(qxh1.get(id), f.path("quickXorHash").asText(), f.toString());
                assertEquals(sim.tenant().sites().userDriveId(item.id()), f.path("driveId").asText(), f.toString());
                assertEquals(drive1.get(f.path("path").asText()).split(" ")[0], f.path("sha256").asText());
                checked++;
            }
            assertEquals(drive1.size(), checked);

            // Browsed as vault ls and the HTTP API do: the drive, then its folders by name.
            var browser = new io.m365vault.service.ItemBrowser(repo);
            assertEquals(java.util.List.of("OneDrive"), browser.list(item, t1, "files").stream().map(e -> e.name()).toList());
            assertTrue(browser.list(item, t1, "files/OneDrive").stream().anyMatch(e -> e.container() && e.name().equals("Documents")));
            long inReports = drive1.keySet().stream().filter(p -> p.matches("files/OneDrive/Documents/Reports/[^/]+")).count();
            assertEquals(inReports, browser.list(item, t1, "files/OneDrive/Documents/Reports").stream().filter(e -> !e.container()).count());

            // One folder, then one file.
            ExportResult folder = exporter.export(repo, item, t1, tmp.resolve("folder"), files.withFilesPath("OneDrive/Documents/Reports"));
            Map<String, String> underReports = new TreeMap<>(drive1);
            underReports.keySet().removeIf(p -> !p.startsWith("files/OneDrive/Documents/Reports/"));
            SimDrives.assertSameFiles(underReports, onDisk(folder.directory()));
            String one = underReports.keySet().iterator().next();
            ExportResult file = exporter.export(repo, item, t1, tmp.resolve("file"), files.withFilesPath(one.substring("files/".length())));
            assertEquals(Map.of(one, underReports.get(one)), onDisk(file.directory()));
            assertThrows(ExportException.class, () -> exporter.export(repo, item, t1, tmp.resolve("none"), files.withFilesPath("OneDrive/Nope")));
        }
    }
}
