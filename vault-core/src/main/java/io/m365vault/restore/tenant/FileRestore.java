package io.m365vault.restore.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.Json;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.graph.DeltaPager;
import io.m365vault.graph.TenantGraph;
import io.m365vault.graph.TenantGraphReader;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.Repository;
import io.m365vault.restore.SearchScope;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Drives as they were at a point in time, written into a drive of the tenant: the original drive
 * itself, or the OneDrive of another user, a site's or a group's default drive. Folders by name
 * ({@link TargetFolders}, found or made, empty ones too), under the root or a folder the restore
 * was asked to go under; every file a new item beside what is there ({@link DriveUpload}), with
 * its times, and its kept earlier versions as the copy's versions when asked. A {@code path} ({@code <drive>/<folder>/...}, as export takes it) narrows the
 * restore to one folder or file, written where it was. The rest is {@link RestoreRun}'s.
 */
public final class FileRestore {
    private final Repository repo;
    private final TenantGraph graph;

    public FileRestore(Repository repo, TenantGraph graph) {
        this.repo = repo;
        this.graph = graph;
    }

    /** One folder or file to write: its path of display names from the drive's name on, and its depth in it. */
    private record Entry(CatalogEntry row, JsonNode meta, String path, int depth) {
        boolean folder() {
            return row.kind().equals(ItemKind.DRIVE_FOLDER);
        }

        String driveId() {
            return Json.text(meta.path("parentReference"), "driveId");
        }

        /** The name of the drive it is in: the first name of its path. */
        String drive() {
            int slash = path.indexOf('/');
            return slash < 0 ? path : path.substring(0, slash);
        }
    }

    /** Where one backed-up drive's items go. */
    private record DriveTarget(String driveId, TargetFolders folders, ExistingItems existing) {
    }

    /**
     * @param path     a folder or file ({@code <drive>/<folder>/...}), null for everything
     * @param versions whether the earlier versions the backup kept are restored too, as the versions of each file's copy
     * @throws RestoreRefusedException nothing backed up at {@code at}, or nothing at {@code path}
     */
    public TenantRestorePlan plan(ProtectedItem source, Instant at, String path, boolean versions) {
        return plan(source, at, path, versions, SearchScope.ALL);
    }

    /** As above, the files the search picks and the folders on their way (no empty folder). */
    public TenantRestorePlan plan(ProtectedItem source, Instant at, String path, boolean versions, SearchScope search) {
        BackedUpTree tree = BackedUpTree.read(repo, source, Workload.FILES, at, ItemKind.DRIVE_FOLDER,
                versions ? Set.of(ItemKind.DRIVE, ItemKind.DRIVE_FOLDER, ItemKind.FILE, ItemKind.FILE_VERSION)
                        : Set.of(ItemKind.DRIVE, ItemKind.DRIVE_FOLDER, ItemKind.FILE), "files", null, search);
        Map<String, List<CatalogEntry>> older = older(tree);
        List<Entry> entries = entries(tree, path);
        if (entries.isEmpty()) {
            throw new RestoreRefusedException(path == null ? "the files of " + source + " hold no folder or file at " + at
                    : "no folder or file " + path + " in the files of " + source + " at " + at + " (the path starts with the drive's name, e.g. OneDrive/...)");
        }
        return new TenantRestorePlan("files", entries.size(), (job, options) -> check(job, source, at, options, entries, older),
                (job, options) -> write(job, source, at, options, tree, entries, older));
    }

    public TenantRestoreResult restore(String job, ProtectedItem source, Instant at, String path, TenantRestoreOptions options) throws IOException {
        return plan(source, at, path, false).run(job, options);
    }

    /** Each file's kept earlier versions, oldest first: the order they are uploaded in, so the copy's history has them so. */
    private static Map<String, List<CatalogEntry>> older(BackedUpTree tree) {
        Map<String, List<CatalogEntry>> out = new HashMap<>();
        for (CatalogEntry v : tree.items()) {
            if (v.kind().equals(ItemKind.FILE_VERSION)) {
                out.computeIfAbsent(v.parent(), k -> new ArrayList<>()).add(v);
            }
        }
        Comparator<CatalogEntry> byTime = Comparator.comparing(v -> Json.read(v.metadata()).path("lastModifiedDateTime").asText(""));
        out.values().forEach(l -> l.sort(byTime.thenComparing(CatalogEntry::itemId)));
        return out;
    }

    /** The folders (parents first) and files on {@code path}, by path; a drive's root is not one of them. */
    private static List<Entry> entries(BackedUpTree tree, String path) {
        Map<String, String> driveNames = new HashMap<>();
        Map<String, CatalogEntry> byId = new HashMap<>();
        for (CatalogEntry e : tree.items()) {
            byId.put(e.itemId(), e);
            if (e.kind().equals(ItemKind.DRIVE)) {
                driveNames.put(e.itemId(), Json.read(e.metadata()).path("name").asText(e.itemId()));
            }
        }
        String wanted = path == null ? null : String.join("/", List.of(path.split("/+"))).toLowerCase(Locale.ROOT);
        List<Entry> out = new ArrayList<>();
        for (CatalogEntry e : tree.items()) {
            JsonNode meta = Json.read(e.metadata());
            if (e.kind().equals(ItemKind.DRIVE) || e.kind().equals(ItemKind.FILE_VERSION) || meta.has("root")) {
                continue;
            }
            List<String> names = new ArrayList<>();
            names.add(meta.path("name").asText(e.itemId()));
            String drive = null;
            // Up the parents to the drive; a chain that breaks or loops leaves the item out, as export does.
            for (CatalogEntry cur = byId.get(e.parent()); cur != null && names.size() <= byId.size(); cur = byId.get(cur.parent())) {
                if (cur.kind().equals(ItemKind.DRIVE)) {
                    drive = driveNames.get(cur.itemId());
                    break;
                }
                JsonNode c = Json.read(cur.metadata());
                if (!c.has("root")) {
                    names.add(0, c.path("name").asText(cur.itemId()));
                }
            }
            if (drive == null) {
                continue;
            }
            names.add(0, drive);
            String p = String.join("/", names);
            String lower = p.toLowerCase(Locale.ROOT);
            if (wanted == null || lower.equals(wanted) || lower.startsWith(wanted + "/")) {
                out.add(new Entry(e, meta, p, names.size()));
            }
        }
        out.sort(Comparator.comparing((Entry x) -> !x.folder()).thenComparingInt(Entry::depth).thenComparing(Entry::path));
        return out;
    }

    /**
     * Each target drive answers and has room for what goes into it: the files' bytes, with their
     * earlier versions when those are restored (all of it, whatever skipExisting will leave out).
     */
    private void check(String job, ProtectedItem source, Instant at, TenantRestoreOptions options, List<Entry> entries,
                       Map<String, List<CatalogEntry>> older) throws IOException {
        TargetChecks checks = new TargetChecks(graph, new RestoreRun(graph, job, source, at, options, "files", "Files.ReadWrite.All", "drive"));
        Map<String, String> drives = targetDrives(source, options, entries);
        Map<String, Long> bytes = new HashMap<>();
        for (Entry e : entries) {
            if (!e.folder()) {
                long size = e.meta().path("size").asLong() + older.getOrDefault(e.row().itemId(), List.of()).stream().mapToLong(FileRestore::sizeOf).sum();
                bytes.merge(drives.get(e.driveId()), size, Long::sum);
            }
        }
        if (bytes.isEmpty()) {
            // Folders only: the drive must still answer.
            drives.values().stream().distinct().forEach(d -> bytes.put(d, 0L));
        }
        for (Map.Entry<String, Long> d : new java.util.TreeMap<>(bytes).entrySet()) {
            checks.drive(options.target(), d.getKey(), d.getValue());
        }
    }

    /**
     * Where each backed-up drive goes, as a Graph path: in the original place the drive itself; in
     * a site, its library of the same name when it has one (a site's several libraries stay apart),
     * else the site's default drive; in a user's or group's, its one drive.
     */
    private Map<String, String> targetDrives(ProtectedItem source, TenantRestoreOptions options, List<Entry> entries) throws IOException {
        boolean original = options.target().equals(source);
        Map<String, String> libraries = new HashMap<>();
        if (!original && "site".equals(options.target().kind())) {
            for (JsonNode d : new DeltaPager(new TenantGraphReader(graph, 200)).all("sites/" + Json.seg(options.target().id()) + "/drives?$select=id,name")) {
                libraries.putIfAbsent(d.path("name").asText().toLowerCase(Locale.ROOT), "/drives/" + Json.seg(d.path("id").asText()));
            }
        }
        Map<String, String> out = new HashMap<>();
        for (Entry e : entries) {
            out.computeIfAbsent(e.driveId(), from -> original ? "/drives/" + Json.seg(from)
                    : libraries.getOrDefault(e.drive().toLowerCase(Locale.ROOT), defaultDrive(options.target())));
        }
        return out;
    }

    private TenantRestoreResult write(String job, ProtectedItem source, Instant at, TenantRestoreOptions options, BackedUpTree tree,
                                      List<Entry> entries, Map<String, List<CatalogEntry>> older) throws IOException {
        RestoreRun run = new RestoreRun(graph, job, source, at, options, "files", "Files.ReadWrite.All", "drive");
        Map<String, DriveTarget> targets = targets(run, source, options, tree, entries);
        DriveUpload upload = new DriveUpload(graph.requests(), repo.reader());
        return run.each(entries, Entry::path, "file", () -> targets.values().stream().distinct().mapToInt(t -> t.folders().created()).sum(),
                (e, tally) -> {
                    DriveTarget t = targets.get(e.driveId());
                    if (e.folder()) {
                        // An empty folder is made too; one found there already is left as it is.
                        int before = t.folders().created();
                        t.folders().of(e.row().itemId());
                        if (t.folders().created() == before) {
                            tally.skipped();
                            return null;
                        }
                        return () -> 0;
                    }
                    String folder = t.folders().of(e.row().parent());
                    String key = ExistingItems.fileKey(e.meta());
                    if (run.skipped(t.existing(), folder, key, tally)) {
                        return null;
                    }
                    return run.remembered(t.existing(), folder, key,
                            () -> file(upload, t.driveId(), folder, e, older.getOrDefault(e.row().itemId(), List.of())));
                });
    }

    /**
     * The file as a new item: its earlier versions first (oldest first, each with its own modified
     * time), then the current one, so the copy's version history holds them; a failure after the
     * first removes the copy whole. Returns the bytes written.
     */
    private long file(DriveUpload upload, String drive, String folder, Entry e, List<CatalogEntry> versions) throws IOException {
        String name = e.meta().path("name").asText();
        long size = e.meta().path("size").asLong();
        JsonNode times = e.meta().path("fileSystemInfo");
        if (versions.isEmpty()) {
            upload.upload(drive, folder, name, e.row().content(), size, times);
            return size;
        }
        CatalogEntry first = versions.get(0);
        String item = upload.upload(drive, folder, name, first.content(), sizeOf(first), versionTimes(times, first)).path("id").asText();
        long bytes = sizeOf(first) + size;
        try {
            for (CatalogEntry v : versions.subList(1, versions.size())) {
                upload.version(drive, item, v.content(), sizeOf(v), versionTimes(times, v));
                bytes += sizeOf(v);
            }
            upload.version(drive, item, e.row().content(), size, times);
        } catch (IOException | RuntimeException x) {
            throw PartialItem.removed(graph.requests(), "/drives/" + Json.seg(drive) + "/items/" + Json.seg(item), x);
        }
        return bytes;
    }

    private static long sizeOf(CatalogEntry version) {
        return Json.read(version.metadata()).path("size").asLong();
    }

    /** An earlier version's times: the file's creation, the version's own modification. */
    private static JsonNode versionTimes(JsonNode fileTimes, CatalogEntry version) {
        com.fasterxml.jackson.databind.node.ObjectNode t = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        String created = Json.text(fileTimes, "createdDateTime");
        if (created != null) {
            t.put("createdDateTime", created);
        }
        String modified = Json.text(Json.read(version.metadata()), "lastModifiedDateTime");
        if (modified != null) {
            t.put("lastModifiedDateTime", modified);
        }
        return t;
    }

    /** The target drive of each backed-up drive ({@link #targetDrives}), each one's folders and what is there. */
    private Map<String, DriveTarget> targets(RestoreRun run, ProtectedItem source, TenantRestoreOptions options, BackedUpTree tree,
                                             List<Entry> entries) throws IOException {
        Map<String, DriveTarget> byPath = new HashMap<>();
        Map<String, DriveTarget> out = new HashMap<>();
        for (Map.Entry<String, String> d : targetDrives(source, options, entries).entrySet()) {
            DriveTarget t = byPath.get(d.getValue());
            if (t == null) {
                String to = run.answer(d.getValue() + "?$select=id").path("id").asText();
                String base = "/drives/" + Json.seg(to);
                // One TargetFolders per target drive: two drives going into one share its folders.
                t = new DriveTarget(to, run.folders(TargetFolders.Tree.DRIVE, base, tree.folders()),
                        ExistingItems.files(new TenantGraphReader(graph, 200), to));
                byPath.put(d.getValue(), t);
            }
            out.put(d.getKey(), t);
        }
        return out;
    }

    private static String defaultDrive(ProtectedItem target) {
        return switch (target.kind()) {
            case "user" -> "/users/" + Json.seg(target.id()) + "/drive";
            case "site" -> "/sites/" + Json.seg(target.id()) + "/drive";
            case "group" -> "/groups/" + Json.seg(target.id()) + "/drive";
            default -> throw new IllegalArgumentException("files are restored into a user's, site's or group's drive, not " + target);
        };
    }
}
