package io.m365vault.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.Repository;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Browses a protected item at a point in time. The path is {@code <workload>[/<folder>/...]}
 * by folder display names: no path lists the workloads that hold anything at that time; a
 * workload lists its top folders; a folder lists its subfolders and items.
 */
public final class ItemBrowser {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> FOLDERS = Set.of(ItemKind.MAIL_FOLDER, ItemKind.CALENDAR, ItemKind.CONTACT_FOLDER,
            ItemKind.DRIVE, ItemKind.DRIVE_FOLDER, ItemKind.LIST);

    private final Repository repo;

    public ItemBrowser(Repository repo) {
        this.repo = repo;
    }

    /** @throws NotFoundException when the item has nothing at that time or a path segment names nothing */
    public List<BrowseEntry> list(ProtectedItem item, Instant at, String path) {
        List<String> segments = path == null ? List.of()
                : List.of(path.split("/")).stream().filter(s -> !s.isEmpty()).toList();
        if (segments.isEmpty()) {
            return workloads(item, at);
        }
        Workload w;
        try {
            w = Workload.parse(segments.get(0));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("path must start with a workload: " + e.getMessage());
        }
        List<CatalogEntry> rows = repo.catalog().at(item.partition(w), at);
        if (rows.isEmpty()) {
            throw new NotFoundException(item + " has no " + w.id() + " at " + at);
        }
        Set<String> ids = new HashSet<>();
        rows.forEach(r -> ids.add(r.itemId()));
        String parent = null;
        for (String name : segments.subList(1, segments.size())) {
            String p = parent;
            parent = rows.stream()
                    .filter(r -> FOLDERS.contains(r.kind()) && isChild(r, p, ids) && name.equals(name(r)))
                    .map(CatalogEntry::itemId).findFirst()
                    .orElseThrow(() -> new NotFoundException("no folder '" + name + "' in " + item + " " + path + " at " + at));
            parent = rootOf(rows, parent);
        }
        String p = parent;
        List<BrowseEntry> out = new ArrayList<>();
        for (CatalogEntry r : rows) {
            if (isChild(r, p, ids) && !ItemKind.EVENT_ATTACHMENT.equals(r.kind())) {
                out.add(new BrowseEntry(r.itemId(), r.kind(), name(r), FOLDERS.contains(r.kind()), r.size(), r.validFrom(), r.validTo()));
            }
        }
        out.sort(Comparator.comparing(BrowseEntry::container).reversed().thenComparing(e -> String.valueOf(e.name())));
        return out;
    }

    private List<BrowseEntry> workloads(ProtectedItem item, Instant at) {
        List<BrowseEntry> out = new ArrayList<>();
        for (Workload w : Workload.values()) {
            List<CatalogEntry> rows = repo.catalog().at(item.partition(w), at);
            if (!rows.isEmpty()) {
                long size = rows.stream().mapToLong(CatalogEntry::size).sum();
                Instant from = rows.stream().map(CatalogEntry::validFrom).max(Comparator.naturalOrder()).orElse(null);
                out.add(new BrowseEntry(w.id(), "workload", w.id() + " (" + rows.size() + " items)", true, size, from, null));
            }
        }
        if (out.isEmpty()) {
            throw new NotFoundException("nothing of " + item + " is in the repository at " + at);
        }
        return out;
    }

    /** A drive is browsed as its root folder, which Graph names "root": files/OneDrive/Documents, not files/OneDrive/root/Documents. */
    private static String rootOf(List<CatalogEntry> rows, String id) {
        return rows.stream().filter(r -> ItemKind.DRIVE_FOLDER.equals(r.kind()) && id.equals(r.parent()))
                .filter(r -> rows.stream().anyMatch(d -> d.itemId().equals(id) && ItemKind.DRIVE.equals(d.kind())))
                .map(CatalogEntry::itemId).findFirst().orElse(id);
    }

    /** At the top (parent null): rows whose parent is not itself a row, such as the mailbox root's children. */
    private static boolean isChild(CatalogEntry r, String parent, Set<String> ids) {
        return parent == null ? r.parent() == null || !ids.contains(r.parent()) : parent.equals(r.parent());
    }

    /** The display name a person knows the row by, from its Graph JSON; its id when it has none. */
    static String name(CatalogEntry r) {
        return name(metadata(r), r.itemId());
    }

    static String name(JsonNode n, String otherwise) {
        for (String f : new String[] {"displayName", "subject", "name", "fileAs", "title"}) {
            if (n.path(f).isTextual() && !n.get(f).asText().isBlank()) {
                return n.get(f).asText();
            }
        }
        if (n.path("fields").path("Title").isTextual()) {
            return n.get("fields").get("Title").asText(); // a list item
        }
        return otherwise;
    }

    /** The row's Graph JSON; an empty object when it cannot be read, so the row still shows (by its id). */
    static JsonNode metadata(CatalogEntry r) {
        try {
            return JSON.readTree(r.metadata());
        } catch (IOException | RuntimeException e) {
            return JSON.createObjectNode();
        }
    }
}
