package io.m365vault.restore;

import io.m365vault.backup.ItemKind;
import io.m365vault.repo.CatalogEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A mailbox narrowed to one folder ({@code Inbox/Projects}, by display names, with its
 * subfolders) or one message (the folder path, then the message's id as {@code vault ls} lists
 * it), for an export or a tenant restore.
 */
public final class MailPath {
    private MailPath() {
    }

    /**
     * The mail rows on {@code path}: its messages with the folders on their way up.
     *
     * @throws IllegalArgumentException one line naming the segment that names no folder or message
     */
    public static List<CatalogEntry> narrow(List<CatalogEntry> rows, String path) {
        // Not collapsed: a message id may hold '/' (and '//'), and it is the rest of the path after the folders.
        List<String> segments = List.of(path.replaceAll("^/+|/+$", "").split("/", -1));
        Map<String, List<CatalogEntry>> children = new HashMap<>();
        Set<String> ids = new HashSet<>();
        rows.forEach(r -> ids.add(r.itemId()));
        for (CatalogEntry r : rows) {
            // The mailbox's root is not a row: its children are the top folders.
            children.computeIfAbsent(r.parent() != null && ids.contains(r.parent()) ? r.parent() : "", k -> new ArrayList<>()).add(r);
        }
        String folder = "";
        for (int i = 0; i < segments.size(); i++) {
            String name = segments.get(i);
            CatalogEntry next = children.getOrDefault(folder, List.of()).stream()
                    .filter(r -> ItemKind.MAIL_FOLDER.equals(r.kind()) && name.equalsIgnoreCase(GraphJson.text(GraphJson.of(r), "displayName")))
                    .findFirst().orElse(null);
            if (next == null) {
                String parent = folder;
                String id = String.join("/", segments.subList(i, segments.size()));
                CatalogEntry message = children.getOrDefault(parent, List.of()).stream()
                        .filter(r -> ItemKind.MESSAGE.equals(r.kind()) && r.itemId().equals(id)).findFirst().orElse(null);
                if (message != null) {
                    return SearchScope.keep(rows, message::equals);
                }
            }
            if (next == null) {
                throw new IllegalArgumentException("no mail folder or message '" + name + "' at " + String.join("/", segments.subList(0, i + 1))
                        + " (folders by name, then a message's id as `vault ls` lists it)");
            }
            folder = next.itemId();
        }
        Set<String> under = new HashSet<>();
        List<String> todo = new ArrayList<>(List.of(folder));
        while (!todo.isEmpty()) {
            String f = todo.remove(todo.size() - 1);
            if (under.add(f)) {
                children.getOrDefault(f, List.of()).stream().filter(r -> ItemKind.MAIL_FOLDER.equals(r.kind())).forEach(r -> todo.add(r.itemId()));
            }
        }
        return SearchScope.keep(rows, m -> m.parent() != null && under.contains(m.parent()));
    }
}
