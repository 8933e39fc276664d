package io.m365vault.restore.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365vault.backup.Json;
import io.m365vault.graph.GraphRequests;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The target mailbox's (or drive's) folder for each backed-up folder: the same path of names under the top
 * (the root, or the folder a restore was asked to go under), each folder found by name or
 * created. Existing folders are reused, never renamed or emptied, so a restore into the original
 * place lands beside what is there. One {@link Tree} per kind of folder: mail folders, contact
 * folders, calendars (a flat list by name), and a drive's folders.
 */
final class TargetFolders {
    /** Where messages of a folder the backup does not know (its row missing at that time) go. */
    static final String UNFILED = "Unfiled";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Where one kind of folder lives under {@code /users/{id}}: {@code root} lists and creates the
     * top ones, {@code children} (with {@code {id}}) those under one (null: no nesting), {@code name}
     * the property holding the name, {@code unfiled} the folder for items of folders the backup does
     * not know (null: the top itself), {@code facet} a property a child must have to be a folder
     * (null: every child is one), {@code create} what a create sends besides the name.
     */
    record Tree(String root, String children, String name, String listQuery, String unfiled, String facet, Map<String, String> create) {
        Tree(String root, String children, String name, String listQuery, String unfiled) {
            this(root, children, name, listQuery, unfiled, null, Map.of());
        }

        /** Mail folders, hidden ones too so a hidden folder of a name is found rather than doubled. */
        static final Tree MAIL = new Tree("/mailFolders", "/mailFolders/{id}/childFolders", "displayName",
                "?includeHiddenFolders=true&$top=250&$select=id,displayName", UNFILED);
        /** Contact folders: the root is the default Contacts folder, which holds the contacts of no other folder. */
        static final Tree CONTACTS = new Tree("/contactFolders", "/contactFolders/{id}/childFolders", "displayName",
                "?$top=250&$select=id,displayName", null);
        /** Calendars, which Outlook keeps in one flat list. */
        static final Tree CALENDARS = new Tree("/calendars", null, "name", "?$top=250&$select=id,name", UNFILED);
        /**
         * A drive's folders under {@code /drives/{id}}: a file of a folder's name is not the
         * folder (the {@code folder} facet tells), and a create renames rather than fail should a
         * name be taken meanwhile.
         */
        static final Tree DRIVE = new Tree("/items/root/children", "/items/{id}/children", "name", "?$top=200&$select=id,name,folder", null,
                "folder", Map.of("@microsoft.graph.conflictBehavior", "rename"));
    }

    /** One backed-up folder: its name and parent (null or an id outside the backup at the top). */
    record Source(String name, String parentId) {
    }

    private final GraphRequests graph;
    private final Tree tree;
    private final String base;
    private final Map<String, Source> source;
    private final String top;
    private final Map<String, String> resolved = new HashMap<>();
    /** Children of a target folder by display name, listed once; key "" is the mailbox root. */
    private final Map<String, Map<String, String>> children = new HashMap<>();
    private int created;

    /**
     * @param base the path the tree's paths go under: {@code /users/{id}} or {@code /drives/{id}}
     * @param top  the target folder the tree goes under, or null for the root
     */
    TargetFolders(GraphRequests graph, Tree tree, String base, Map<String, Source> source, String top) {
        this.graph = graph;
        this.tree = tree;
        this.base = base;
        this.source = source;
        this.top = top;
    }

    /**
     * The tree of {@code source} under the top-level folder {@code folder} (found or created), or
     * at the root when it is null.
     */
    static TargetFolders under(GraphRequests graph, Tree tree, String base, Map<String, Source> source, String folder) throws IOException {
        String top = folder == null ? null : new TargetFolders(graph, tree, base, Map.of(), null).child(null, folder);
        return new TargetFolders(graph, tree, base, source, top);
    }

    /** The target folder id for messages of {@code sourceFolderId}, creating the folders on its path that are missing. */
    String of(String sourceFolderId) throws IOException {
        if (sourceFolderId == null || !source.containsKey(sourceFolderId)) {
            return tree.unfiled() == null ? top : child(top, tree.unfiled());
        }
        String done = resolved.get(sourceFolderId);
        if (done != null) {
            return done;
        }
        Source f = source.get(sourceFolderId);
        // A parent chain that loops (bad data) ends at the top rather than recursing for ever.
        boolean atTop = f.parentId() == null || !source.containsKey(f.parentId()) || loops(sourceFolderId);
        String parent = atTop ? top : of(f.parentId());
        String id = child(parent, f.name());
        resolved.put(sourceFolderId, id);
        return id;
    }

    /** How many folders this restore created. */
    int created() {
        return created;
    }

    /** The child of {@code parent} (null: the root) named {@code name}, created when there is none. */
    String child(String parent, String name) throws IOException {
        Map<String, String> kids = children.get(parent == null ? "" : parent);
        if (kids == null) {
            kids = list(parent);
            children.put(parent == null ? "" : parent, kids);
        }
        String id = kids.get(name);
        if (id == null) {
            com.fasterxml.jackson.databind.node.ObjectNode body = JSON.createObjectNode().put(tree.name(), name);
            if (tree.facet() != null) {
                body.putObject(tree.facet());
            }
            tree.create().forEach(body::put);
            JsonNode made = graph.postJson(folders(parent), body);
            id = made.path("id").asText();
            kids.put(name, id);
            created++;
        }
        return id;
    }

    private Map<String, String> list(String parent) throws IOException {
        Map<String, String> out = new HashMap<>();
        String next = folders(parent) + tree.listQuery();
        while (next != null) {
            JsonNode page = graph.getJson(next, Map.of());
            for (JsonNode f : page.path("value")) {
                if (tree.facet() == null || f.has(tree.facet())) {
                    out.putIfAbsent(f.path(tree.name()).asText(), f.path("id").asText());
                }
            }
            next = page.hasNonNull("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
        }
        return out;
    }

    private String folders(String parent) {
        if (parent != null && tree.children() == null) {
            throw new IllegalStateException(tree.root() + " do not nest: no folder under " + parent);
        }
        return parent == null ? base + tree.root() : base + tree.children().replace("{id}", Json.seg(parent));
    }

    private boolean loops(String id) {
        String cur = source.get(id).parentId();
        for (int steps = 0; cur != null && source.containsKey(cur); steps++) {
            if (cur.equals(id) || steps > source.size()) {
                return true;
            }
            cur = source.get(cur).parentId();
        }
        return false;
    }
}
