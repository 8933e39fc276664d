package io.m365vault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemKind;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.ContentReader;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives to {@code files/<drive>/<folder>/.../<file>}: each file byte for byte with the modified
 * time it had in the drive ({@code fileSystemInfo}, as the owner's computer saw it), empty folders
 * too, names made safe and unique per folder. {@code path} ({@code <drive>/<folder>/...} in display
 * names) narrows the export to one folder or file. Paths come from the parents, as they were at
 * the point in time; a file whose content cannot be read leaves no file and is reported.
 */
final class FilesExport {
    static final String DIR = "files";

    private final ContentReader reader;
    private final ExportTarget target;
    private final ExportLedger ledger;
    private final Map<String, List<CatalogEntry>> children = new HashMap<>();
    /** Directories written, deepest last, with the time to give them once their files are in. */
    private final List<Map.Entry<List<String>, Instant>> folderTimes = new ArrayList<>();

    FilesExport(ContentReader reader, ExportTarget target, ExportLedger ledger) {
        this.reader = reader;
        this.target = target;
        this.ledger = ledger;
    }

    /** @throws ExportException when {@code path} names nothing of the drives */
    void export(List<CatalogEntry> rows, String path) throws IOException {
        List<CatalogEntry> drives = new ArrayList<>();
        for (CatalogEntry e : rows) {
            if (e.kind().equals(ItemKind.DRIVE)) {
                drives.add(e);
            } else if (e.parent() != null) {
                children.computeIfAbsent(e.parent(), k -> new ArrayList<>()).add(e);
            }
        }
        List<String> wanted = path == null ? List.of() : List.of(path.split("/+"));
        int matched = 0;
        SafeNames.Siblings names = new SafeNames.Siblings();
        for (CatalogEntry d : sorted(drives)) {
            String name = name(d);
            String dir = names.claim(SafeNames.segment(name, "drive"), "", d.itemId());
            ledger.exported(ItemKind.DRIVE);
            if (!wanted.isEmpty() && !wanted.get(0).equalsIgnoreCase(name)) {
                continue;
            }
            // The root folder is the drive's directory itself.
            for (CatalogEntry root : children.getOrDefault(d.itemId(), List.of())) {
                matched += folder(root, List.of(DIR, dir), wanted, 1);
            }
        }
        if (!wanted.isEmpty() && matched == 0) {
            throw new ExportException("no folder or file " + path + " in the files at that time (the path starts with the drive's name, e.g. "
                    + (drives.isEmpty() ? "OneDrive" : name(drives.get(0))) + "/...)");
        }
        for (int i = folderTimes.size() - 1; i >= 0; i--) {
            Map.Entry<List<String>, Instant> f = folderTimes.get(i);
            java.nio.file.Files.setLastModifiedTime(target.directory(f.getKey()), java.nio.file.attribute.FileTime.from(f.getValue()));
        }
    }

    /**
     * Writes a folder's tree; {@code depth} is how many segments of {@code wanted} the folder's
     * path has matched. Returns how many items of the path's target it wrote.
     */
    private int folder(CatalogEntry folder, List<String> segments, List<String> wanted, int depth) throws IOException {
        boolean inside = depth >= wanted.size();
        int written = 0;
        if (inside) {
            target.directory(segments);
            folderTimes.add(Map.entry(segments, modified(GraphJson.of(folder))));
            written++;
        }
        ledger.exported(ItemKind.DRIVE_FOLDER);
        SafeNames.Siblings names = new SafeNames.Siblings();
        for (CatalogEntry c : sorted(children.getOrDefault(folder.itemId(), List.of()))) {
            String name = name(c);
            boolean isFolder = !c.kind().equals(ItemKind.FILE);
            String safe = claim(names, name, c.itemId(), isFolder);
            boolean onPath = inside || wanted.get(depth).equalsIgnoreCase(name);
            if (!onPath) {
                continue;
            }
            List<String> at = new ArrayList<>(segments);
            at.add(safe);
            if (isFolder) {
                written += folder(c, at, wanted, inside ? depth : depth + 1);
            } else if (inside || depth + 1 == wanted.size()) {
                written += file(c, at) ? 1 : 0;
            }
        }
        return written;
    }

    private boolean file(CatalogEntry f, List<String> segments) throws IOException {
        JsonNode item = GraphJson.of(f);
        String driveId = GraphJson.text(item, "parentReference", "driveId");
        return ItemFile.write(reader, target.driveFile(segments, ItemKind.FILE), ledger, ItemKind.FILE, f.itemId(), f.content(),
                driveId == null ? Map.of() : Map.of("driveId", driveId), modified(item));
    }

    /** A unique safe name in its folder; a file's collision tag goes before its extension. */
    private static String claim(SafeNames.Siblings names, String name, String itemId, boolean folder) {
        String safe = SafeNames.segment(name, folder ? "folder" : "file");
        int dot = safe.lastIndexOf('.');
        if (folder || dot <= 0) {
            return names.claim(safe, "", itemId);
        }
        return names.claim(safe.substring(0, dot), safe.substring(dot), itemId);
    }

    private static Instant modified(JsonNode item) {
        String t = GraphJson.text(item, "fileSystemInfo", "lastModifiedDateTime");
        if (t == null) {
            t = GraphJson.text(item, "lastModifiedDateTime");
        }
        try {
            return t == null ? Instant.EPOCH : Instant.parse(t);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    private static String name(CatalogEntry e) {
        String n = GraphJson.text(GraphJson.of(e), "name");
        return n == null ? e.itemId() : n;
    }

    /** A stable order, so collision tags do not depend on the catalog's order. */
    private static List<CatalogEntry> sorted(List<CatalogEntry> entries) {
        List<CatalogEntry> out = new ArrayList<>(entries);
        out.sort(Comparator.comparing(FilesExport::name).thenComparing(CatalogEntry::itemId));
        return out;
    }
}
