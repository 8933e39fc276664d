package io.m365vault.graphsim.drive;

import io.m365vault.graphsim.control.Faults;
import io.m365vault.graphsim.http.Content;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.model.Ids;
import io.m365vault.graphsim.model.Names;
import io.m365vault.graphsim.model.Rng;
import io.m365vault.graphsim.model.SimClock;
import io.m365vault.graphsim.model.TenantModel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * One drive (a OneDrive or a document library) and its item tree, generated on first use.
 * Callers synchronize on the drive.
 */
public final class Drive {
    /** Who a drive belongs to and what it is called; known for every drive from the start. */
    public record Spec(String id, String ownerKind, String ownerId, String ownerName, String name, String driveType,
                       String webUrl, String siteId, boolean withLargeFile) {
    }

    private static final String[][] FOLDERS = {{"Documents"}, {"Documents", "Reports"}, {"Documents", "Reports", "2024"},
        {"Photos"}, {"Shared"}};
    private static final String[] EXTENSIONS = {".docx", ".xlsx", ".pdf", ".txt", ".csv", ".pptx", ".png", ".zip"};

    public final Spec spec;
    private final TenantModel tenant;
    /** Every item by sort key, tombstones too (delta order). */
    public final TreeMap<String, DriveItem> byKey = new TreeMap<>();
    private final Map<String, DriveItem> byId = new HashMap<>();
    private long ordinal;
    public final DriveItem root;

    public Drive(TenantModel tenant, Spec spec) {
        this.tenant = tenant;
        this.spec = spec;
        long seed = tenant.seed();
        SplittableRandom r = Rng.of(seed, "drive-tree:" + spec.id());
        Instant born = SimClock.minutesAgo(600_000);
        root = add(new DriveItem(Ids.driveItem(seed, spec.id() + ":root"), ordinal++, true, "root", null, born, 0));
        Map<String, DriveItem> folders = new HashMap<>();
        List<DriveItem> folderList = new ArrayList<>();
        folderList.add(root);
        for (String[] path : FOLDERS) {
            DriveItem parent = path.length == 1 ? root : folders.get(String.join("/", java.util.Arrays.copyOf(path, path.length - 1)));
            String p = String.join("/", path);
            DriveItem f = add(new DriveItem(Ids.driveItem(seed, spec.id() + ":" + p), ordinal++, true, path[path.length - 1],
                    parent.id(), born.plusSeconds(60L * ordinal), 0));
            folders.put(p, f);
            folderList.add(f);
        }
        int files = tenant.config().filesPerDrive;
        for (int i = 0; i < files; i++) {
            DriveItem parent = folderList.get(r.nextInt(folderList.size()));
            String ext = EXTENSIONS[r.nextInt(EXTENSIONS.length)];
            String name = Names.sentence(r, 2 + r.nextInt(2)).replace(' ', '-') + "-" + i + ext;
            long fileSeed = r.nextLong();
            long size = i == 0 ? 0 : sizeFor(r);
            boolean dedup = r.nextDouble() < tenant.config().dedupFraction;
            if (dedup) {
                name = "Contoso-Brand-Guide-" + i + ".pdf";
                fileSeed = Rng.seed(seed, "dedup-file");
                size = 1_500_000;
            }
            Instant created = born.plusSeconds(3600L * (i + 10));
            DriveItem f = add(new DriveItem(Ids.driveItem(seed, spec.id() + ":file:" + i), ordinal++, false, name, parent.id(), created, 0));
            int versions = dedup ? 1 : 1 + r.nextInt(3);
            for (int v = 0; v < versions; v++) {
                long vs = v == versions - 1 ? fileSeed : Rng.seed(fileSeed, "v" + v);
                f.versions.add(new DriveItem.Version(new GeneratedContent(vs, size, isText(name)), created.plusSeconds(86_400L * v)));
            }
            f.modified = f.versions.get(f.versions.size() - 1).modified();
        }
        addNotebooks(seed, born, folderList);
        if (spec.withLargeFile() && tenant.config().largeFileMb > 0) {
            DriveItem f = add(new DriveItem(Ids.driveItem(seed, spec.id() + ":large"), ordinal++, false, "large-video.mp4", root.id(), born, 0));
            f.versions.add(new DriveItem.Version(new GeneratedContent(Rng.seed(seed, "large-file"), tenant.config().largeFileMb * 1024L * 1024L, false), born));
        }
    }

    /**
     * OneNote notebooks as Graph shows them in OneDrive and SharePoint: a {@code package} item of
     * type {@code oneNote} whose children are its table of contents and section files. Drawn
     * from a random stream of their own, so the rest of the tree is the same with or without them.
     */
    private void addNotebooks(long seed, Instant born, List<DriveItem> folders) {
        SplittableRandom r = Rng.of(seed, "notebooks:" + spec.id());
        for (int n = 0; n < tenant.config().notebooksPerDrive; n++) {
            DriveItem parent = folders.get(r.nextInt(folders.size()));
            Instant created = born.plusSeconds(7200L * (n + 1));
            DriveItem book = add(new DriveItem(Ids.driveItem(seed, spec.id() + ":notebook:" + n), ordinal++, true,
                    Names.sentence(r, 2) + " Notebook " + n, parent.id(), created, 0));
            book.packageType = "oneNote";
            String[] parts = {"Open Notebook.onetoc2", "Quick Notes.one", "Meetings.one"};
            for (int p = 0; p < parts.length; p++) {
                DriveItem f = add(new DriveItem(Ids.driveItem(seed, spec.id() + ":notebook:" + n + ":" + p), ordinal++, false,
                        parts[p], book.id(), created, 0));
                f.versions.add(new DriveItem.Version(new GeneratedContent(r.nextLong(), 4_000 + r.nextInt(60_000), false), created));
            }
        }
    }

    private static long sizeFor(SplittableRandom r) {
        int k = r.nextInt(10);
        if (k < 6) {
            return 1 + r.nextInt(100_000);
        }
        if (k < 9) {
            return 100_000 + r.nextInt(2_000_000);
        }
        return 4_200_000 + r.nextInt(5_000_000);
    }

    static boolean isText(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".txt") || n.endsWith(".csv") || n.endsWith(".md");
    }

    private DriveItem add(DriveItem item) {
        byKey.put(item.key, item);
        byId.put(item.id(), item);
        return item;
    }

    /** A live item by id, "root", or path form "parentId:/a/b:" / "root:/a/b:". */
    public DriveItem item(String ref) {
        DriveItem found = resolve(ref);
        if (found == null || found.deleted()) {
            throw GraphError.driveItemNotFound();
        }
        return found;
    }

    /** The item, or null when a path does not exist (uploads create it). */
    public DriveItem resolve(String ref) {
        if (ref.equalsIgnoreCase("root")) {
            return root;
        }
        int colon = ref.indexOf(':');
        if (colon < 0) {
            return byId.get(ref);
        }
        DriveItem cur = item(ref.substring(0, colon));
        String path = ref.substring(colon + 1);
        if (path.endsWith(":")) {
            path = path.substring(0, path.length() - 1);
        }
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            cur = child(cur, part);
            if (cur == null) {
                return null;
            }
        }
        return cur;
    }

    public DriveItem child(DriveItem parent, String name) {
        for (DriveItem i : byKey.values()) {
            if (!i.deleted() && parent.id().equals(i.parentId) && i.name.equalsIgnoreCase(name)) {
                return i;
            }
        }
        return null;
    }

    public List<DriveItem> children(DriveItem parent) {
        List<DriveItem> out = new ArrayList<>();
        for (DriveItem i : byKey.values()) {
            if (!i.deleted() && parent.id().equals(i.parentId)) {
                out.add(i);
            }
        }
        return out;
    }

    /** The bytes the drive's current files take: what quota.used counts here (earlier versions left out). */
    public long used() {
        long used = 0;
        for (DriveItem f : liveFiles()) {
            used += f.size();
        }
        return used;
    }

    public long quotaBytes() {
        return tenant.config().driveQuotaMb * 1024L * 1024L;
    }

    /** Graph's answer to a write that would take the drive past its quota by {@code bytes} more. */
    private void room(long bytes) {
        if (used() + bytes > quotaBytes()) {
            throw new GraphError(507, "quotaLimitReached", "Insufficient Space Available");
        }
    }

    public List<DriveItem> liveFiles() {
        List<DriveItem> out = new ArrayList<>();
        for (DriveItem i : byKey.values()) {
            if (!i.deleted() && !i.folder) {
                out.add(i);
            }
        }
        return out;
    }

    public List<DriveItem> liveFolders() {
        List<DriveItem> out = new ArrayList<>();
        for (DriveItem i : byKey.values()) {
            if (!i.deleted() && i.folder && i.packageType == null) {
                out.add(i);
            }
        }
        return out;
    }

    /** The item's id, then its parents' up to the root. */
    public List<String> lineage(DriveItem item) {
        List<String> out = new ArrayList<>();
        for (DriveItem cur = item; cur != null; cur = parent(cur)) {
            out.add(cur.id());
        }
        return out;
    }

    /** Throws what Graph answers instead of the file's bytes: 403 for malware, 503 for content a fault made unavailable. */
    public void refuseContent(DriveItem item, Faults faults) {
        if (item.malware) {
            throw new GraphError(403, "malwareDetected", "Malware was detected in the requested file.");
        }
        GraphError unavailable = faults.unavailableContent(lineage(item));
        if (unavailable != null) {
            throw unavailable;
        }
    }

    /** "/drive/root:" plus the folder path, as parentReference.path has it. */
    public String path(DriveItem folder) {
        StringBuilder b = new StringBuilder();
        DriveItem cur = folder;
        while (cur != null && !cur.isRoot()) {
            b.insert(0, "/" + cur.name);
            cur = byId.get(cur.parentId);
        }
        return "/drive/root:" + b;
    }

    public DriveItem parent(DriveItem item) {
        return item.parentId == null ? null : byId.get(item.parentId);
    }

    /** Applies a conflict behaviour to a name in a folder: fail, replace (returns the existing item) or rename. */
    public String freeName(DriveItem parent, String name, String conflictBehavior) {
        DriveItem existing = child(parent, name);
        if (existing == null) {
            return name;
        }
        String cb = conflictBehavior == null ? "fail" : conflictBehavior.toLowerCase(Locale.ROOT);
        if (cb.equals("fail")) {
            throw new GraphError(409, "nameAlreadyExists", "The specified item name already exists. Name: " + name);
        }
        if (cb.equals("replace")) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 1; ; n++) {
            String candidate = stem + " " + n + ext;
            if (child(parent, candidate) == null) {
                return candidate;
            }
        }
    }

    public DriveItem createFolder(DriveItem parent, String name) {
        long seq = tenant.nextSeq();
        DriveItem f = add(new DriveItem(Ids.driveItem(tenant.seed(), spec.id() + ":new:" + seq), ordinal++, true, name, parent.id(), SimClock.atChange(seq), seq));
        touchAncestors(parent, seq);
        return f;
    }

    /** Writes a file: a new item, or a new version of the item of that name. */
    public DriveItem writeFile(DriveItem parent, String name, Content content) {
        DriveItem f = child(parent, name);
        room(content.length() - (f == null || f.folder ? 0 : f.size()));
        long seq = tenant.nextSeq();
        Instant now = SimClock.atChange(seq);
        if (f == null || f.folder) {
            f = add(new DriveItem(Ids.driveItem(tenant.seed(), spec.id() + ":new:" + seq), ordinal++, false, name, parent.id(), now, seq));
        } else {
            f.touch(seq);
        }
        f.versions.add(new DriveItem.Version(content, now));
        f.modified = now;
        // A new version's fileSystemInfo is its writer's: none given, the time of the write.
        f.fsModified = null;
        touchAncestors(parent, seq);
        return f;
    }

    public void newVersion(DriveItem f, Content content) {
        room(content.length() - f.size());
        long seq = tenant.nextSeq();
        f.touch(seq);
        f.modified = SimClock.atChange(seq);
        f.versions.add(new DriveItem.Version(content, f.modified));
        touchAncestors(parent(f), seq);
    }

    public void delete(DriveItem item) {
        if (item.isRoot()) {
            throw new GraphError(403, "accessDenied", "The root folder cannot be deleted.");
        }
        long seq = tenant.nextSeq();
        for (DriveItem c : children(item)) {
            delete(c);
        }
        item.markDeleted(seq);
        touchAncestors(parent(item), seq);
    }

    public void move(DriveItem item, DriveItem newParent, String newName) {
        long seq = tenant.nextSeq();
        touchAncestors(parent(item), seq);
        item.parentId = newParent.id();
        if (newName != null) {
            item.name = newName;
        }
        item.touch(seq);
        item.modified = SimClock.atChange(seq);
        touchAncestors(newParent, seq);
    }

    /** OneDrive reports a folder changed when anything under it changes. */
    private void touchAncestors(DriveItem folder, long seq) {
        for (DriveItem cur = folder; cur != null; cur = parent(cur)) {
            cur.touch(seq);
        }
    }
}
