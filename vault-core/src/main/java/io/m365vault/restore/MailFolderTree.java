package io.m365vault.restore;

import io.m365vault.repo.CatalogEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mail folders at one point in time as directories: each folder's path of safe names under
 * {@code mail/}, nested by parentFolderId. A folder whose parent is not among them (the mailbox
 * root, or a parent that no longer exists) sits at the top. Siblings are named in the order of
 * (name, id) so the same catalog always gives the same paths.
 */
final class MailFolderTree {
    static final String UNFILED = "Unfiled";
    private static final String ROOT = "";

    private final Map<String, List<String>> paths = new HashMap<>();
    private final Map<String, SafeNames.Siblings> dirs = new HashMap<>();
    private final List<String> unfiled;

    MailFolderTree(List<CatalogEntry> folders) {
        Map<String, String> names = new HashMap<>();
        Map<String, String> parents = new HashMap<>();
        for (CatalogEntry f : folders) {
            names.put(f.itemId(), SafeNames.segment(GraphJson.text(GraphJson.of(f), "displayName"), "folder"));
            parents.put(f.itemId(), f.parent());
        }
        Map<String, List<String>> children = new HashMap<>();
        for (String id : names.keySet()) {
            String parent = parents.get(id);
            boolean top = parent == null || !names.containsKey(parent) || inCycle(id, parents, names);
            children.computeIfAbsent(top ? ROOT : parent, k -> new ArrayList<>()).add(id);
        }
        dirs.put(ROOT, new SafeNames.Siblings());
        name(ROOT, List.of(), names, children);
        unfiled = List.of(dirs.get(ROOT).claim(UNFILED, "", ".mbox", UNFILED));
    }

    /** The folder's path segments under mail/, or the Unfiled folder's when it is not known. */
    List<String> path(String folderId) {
        return folderId != null && paths.containsKey(folderId) ? paths.get(folderId) : unfiled;
    }

    /** The names already used in a folder's directory: messages claim theirs here too. */
    SafeNames.Siblings siblings(String folderId) {
        String key = folderId != null && paths.containsKey(folderId) ? folderId : UNFILED;
        return dirs.computeIfAbsent(key, k -> new SafeNames.Siblings());
    }

    Set<String> folderIds() {
        return paths.keySet();
    }

    private void name(String dir, List<String> prefix, Map<String, String> names, Map<String, List<String>> children) {
        List<String> kids = new ArrayList<>(children.getOrDefault(dir, List.of()));
        kids.sort(Comparator.comparing((String id) -> names.get(id)).thenComparing(id -> id));
        SafeNames.Siblings siblings = dirs.get(dir);
        for (String id : kids) {
            List<String> p = new ArrayList<>(prefix);
            p.add(siblings.claim(names.get(id), "", ".mbox", id));
            paths.put(id, List.copyOf(p));
            dirs.put(id, new SafeNames.Siblings());
            name(id, p, names, children);
        }
    }

    /** A parent chain that loops back to a folder (bad data) must not hide the folders on it. */
    private static boolean inCycle(String id, Map<String, String> parents, Map<String, String> names) {
        Set<String> seen = new HashSet<>();
        for (String cur = parents.get(id); cur != null && names.containsKey(cur); cur = parents.get(cur)) {
            if (cur.equals(id)) {
                return true;
            }
            if (!seen.add(cur)) {
                return false;
            }
        }
        return false;
    }
}
