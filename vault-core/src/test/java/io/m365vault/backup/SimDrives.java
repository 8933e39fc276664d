package io.m365vault.backup;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.graphsim.model.SimUser;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.Repository;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** The files of graph-sim's drives and what the repository holds of them, as "drive/path" -> sha256. */
final class SimDrives {
    private SimDrives() {
    }

    /** The first normal user, who has a OneDrive (and the large file, when the sim makes one). */
    static String driveUser(GraphSim sim) {
        for (int i = 0; ; i++) {
            SimUser u = sim.tenant().directory().user(i);
            if (u.kind == SimUser.Kind.NORMAL) {
                return u.id;
            }
        }
    }

    static Map<String, String> simFiles(GraphSim sim, String owner) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode f : sim.snapshot(owner).path("files")) {
            out.put(f.get("drive").asText() + f.get("path").asText(), f.get("sha256").asText());
        }
        return out;
    }

    /** The repository's files of {@code item} at {@code t}, paths rebuilt from parent ids up to the drive. */
    static Map<String, String> backedUpFiles(Repository repo, ProtectedItem item, Instant t) {
        Map<String, CatalogEntry> containers = new HashMap<>();
        Map<String, String> out = new TreeMap<>();
        var entries = repo.catalog().at(item.partition(Workload.FILES), t);
        for (CatalogEntry e : entries) {
            if (!e.kind().equals(ItemKind.FILE)) {
                containers.put(e.itemId(), e);
            }
        }
        for (CatalogEntry e : entries) {
            if (e.kind().equals(ItemKind.FILE)) {
                out.put(path(containers, e), SimTenant.sha256(repo.reader().readAll(e.content())));
            }
        }
        return out;
    }

    /** The repository's folders of {@code item} at {@code t} (not the drives' roots), as "drive/path" sorted. */
    static java.util.List<String> backedUpFolders(Repository repo, ProtectedItem item, Instant t) {
        Map<String, CatalogEntry> containers = new HashMap<>();
        var entries = repo.catalog().at(item.partition(Workload.FILES), t);
        entries.stream().filter(e -> !e.kind().equals(ItemKind.FILE)).forEach(e -> containers.put(e.itemId(), e));
        return entries.stream().filter(e -> e.kind().equals(ItemKind.DRIVE_FOLDER) && !Json.read(e.metadata()).has("root"))
                .map(e -> path(containers, e)).sorted().toList();
    }

    private static String path(Map<String, CatalogEntry> containers, CatalogEntry e) {
        StringBuilder b = new StringBuilder("/" + name(e));
        for (CatalogEntry c = containers.get(e.parent()); c != null; c = containers.get(c.parent())) {
            if (c.kind().equals(ItemKind.DRIVE)) {
                b.insert(0, name(c));
            } else if (!Json.read(c.metadata()).has("root")) {
                b.insert(0, "/" + name(c));
            }
        }
        return b.toString();
    }

    /** As {@link SimTenant#assertSame}, and never vacuous. */
    static void assertSameFiles(Map<String, String> expected, Map<String, String> actual) {
        if (expected.isEmpty()) {
            throw new AssertionError("the drive has no files to compare");
        }
        SimTenant.assertSame(expected, actual);
    }

    private static String name(CatalogEntry e) {
        return Json.read(e.metadata()).get("name").asText();
    }
}
