package io.m365vault.backup;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.Repository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A site's lists and pages as a backup holds them, in the terms a restore elsewhere must keep: per
 * list name, each item's values (without what SharePoint sets) with person and lookup ids turned
 * into what they name (a user name, the looked-up item's title), its attachments' names and
 * SHA-256; the lists' writable columns; the pages by name.
 */
final class SiteViews {
    private final Map<String, JsonNode> lists = new HashMap<>();
    private final Map<String, List<CatalogEntry>> items = new HashMap<>();
    private final Map<String, List<CatalogEntry>> files = new HashMap<>();
    private final Repository repo;

    private SiteViews(Repository repo) {
        this.repo = repo;
    }

    static SiteViews of(Repository repo, ProtectedItem site, Instant t) {
        SiteViews v = new SiteViews(repo);
        repo.catalog().at(site.partition(Workload.LISTS), t, e -> {
            switch (e.kind()) {
                case ItemKind.LIST -> v.lists.put(e.itemId(), Json.read(e.metadata()));
                case ItemKind.LIST_ITEM -> v.items.computeIfAbsent(e.parent(), k -> new ArrayList<>()).add(e);
                case ItemKind.LIST_ATTACHMENT -> v.files.computeIfAbsent(e.parent(), k -> new ArrayList<>()).add(e);
                default -> { }
            }
        });
        return v;
    }

    /** The user names in the site's people list. */
    Set<String> people() {
        return new java.util.HashSet<>(person().values());
    }

    private Map<String, String> person() {
        Map<String, String> out = new HashMap<>();
        for (JsonNode l : lists.values()) {
            if (l.path("displayName").asText().equals("User Information List")) {
                for (CatalogEntry p : items.getOrDefault(l.path("id").asText(), List.of())) {
                    out.put(p.itemId().substring(p.itemId().indexOf(':') + 1), Json.read(p.metadata()).path("fields").path("UserName").asText());
                }
            }
        }
        return out;
    }

    /** List name -> each item's values, sorted; {@code people} (null: all) the users a person value is kept for. */
    Map<String, List<String>> items(Set<String> people) {
        Map<String, String> person = person();
        Map<String, List<String>> out = new TreeMap<>();
        for (JsonNode l : lists.values()) {
            String name = l.path("displayName").asText();
            if (name.equals("User Information List")) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (CatalogEntry i : items.getOrDefault(l.path("id").asText(), List.of())) {
                values.add(values(l, Json.read(i.metadata()).path("fields"), person, people));
            }
            values.sort(null);
            out.put(name, values);
        }
        return out;
    }

    /** List name -> "item values / file name = sha256" of every attachment, sorted; {@code people} as for {@link #items}. */
    Map<String, List<String>> attachments(Set<String> people) {
        Map<String, String> person = person();
        Map<String, List<String>> out = new TreeMap<>();
        for (JsonNode l : lists.values()) {
            List<String> all = new ArrayList<>();
            for (CatalogEntry i : items.getOrDefault(l.path("id").asText(), List.of())) {
                String values = values(l, Json.read(i.metadata()).path("fields"), person, people);
                for (CatalogEntry f : files.getOrDefault(i.itemId(), List.of())) {
                    all.add(values + " / " + Json.read(f.metadata()).path("FileName").asText() + " = " + SimTenant.sha256(repo.reader().readAll(f.content())));
                }
            }
            all.sort(null);
            out.put(l.path("displayName").asText(), all);
        }
        return out;
    }

    /** The list's columns a client can write, as "name:type". */
    List<String> columns(String list) {
        List<String> out = new ArrayList<>();
        for (JsonNode l : lists.values()) {
            if (l.path("displayName").asText().equals(list)) {
                for (JsonNode c : l.path("columns")) {
                    if (!c.path("readOnly").asBoolean() && !c.path("hidden").asBoolean()) {
                        String type = List.of("text", "number", "choice", "boolean", "dateTime", "personOrGroup", "lookup", "term").stream()
                                .filter(c::has).findFirst().orElse("?");
                        out.add(c.path("name").asText() + ":" + type + (type.equals("choice") ? c.path("choice").path("choices").toString() : ""));
                    }
                }
            }
        }
        out.sort(null);
        return out;
    }

    private String values(JsonNode list, JsonNode fields, Map<String, String> person, Set<String> people) {
        Map<String, JsonNode> columns = new HashMap<>();
        list.path("columns").forEach(c -> columns.put(c.path("name").asText(), c));
        Map<String, String> out = new TreeMap<>();
        fields.fieldNames().forEachRemaining(f -> {
            JsonNode v = fields.get(f);
            if (SimSites.SERVER_FIELDS.contains(f) || f.startsWith("@")) {
                return;
            }
            JsonNode column = f.endsWith("LookupId") ? columns.get(f.substring(0, f.length() - "LookupId".length())) : null;
            if (column == null) {
                JsonNode own = columns.get(f);
                if (own == null || !own.path("readOnly").asBoolean()) {
                    out.put(f, v.isTextual() ? v.asText() : v.toString());
                }
            } else if (column.has("personOrGroup")) {
                String user = person.get(v.asText());
                if (people == null || people.contains(user)) {
                    out.put(column.path("name").asText(), "person " + user);
                }
            } else {
                out.put(column.path("name").asText(), "item " + title(column.path("lookup").path("listId").asText(), v.asText()));
            }
        });
        return out.toString();
    }

    private String title(String listId, String itemId) {
        for (CatalogEntry i : items.getOrDefault(listId, List.of())) {
            if (i.itemId().equals(listId + ":" + itemId)) {
                return Json.read(i.metadata()).path("fields").path("Title").asText();
            }
        }
        return "(none: " + itemId + ")";
    }

    /** Page name -> "title | published level | canvasLayout" of every page the backup holds. */
    static Map<String, String> pages(Repository repo, ProtectedItem site, Instant t) {
        Map<String, String> out = new TreeMap<>();
        for (CatalogEntry e : repo.catalog().at(site.partition(Workload.PAGES), t)) {
            JsonNode page = Json.read(repo.reader().readAll(e.content()));
            out.put(page.path("name").asText(), page.path("title").asText() + " | " + page.path("publishingState").path("level").asText()
                    + " | " + page.path("canvasLayout"));
        }
        return out;
    }
}
