package io.m365vault.restore.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.Json;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.Repository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A site's lists as the backup holds them at a point in time, read for a restore: each list's JSON
 * (with its columns) and its items by id order, each item's attachments, and the people of the
 * site's User Information List by lookup id (its user name), which person columns point into. The
 * people list itself is not restored: SharePoint keeps it, Graph cannot create it.
 */
record BackedUpLists(List<JsonNode> lists, Map<String, List<CatalogEntry>> items, Map<String, List<CatalogEntry>> attachments,
                     Map<String, String> people) {
    static final String PEOPLE = "User Information List";

    /** @throws RestoreRefusedException when the backup holds no list then */
    static BackedUpLists read(Repository repo, ProtectedItem source, Instant at) {
        Map<String, JsonNode> lists = new LinkedHashMap<>();
        Map<String, List<CatalogEntry>> items = new HashMap<>();
        Map<String, List<CatalogEntry>> attachments = new HashMap<>();
        repo.catalog().at(source.partition(Workload.LISTS), at, e -> {
            switch (e.kind()) {
                case ItemKind.LIST -> lists.put(e.itemId(), Json.read(e.metadata()));
                case ItemKind.LIST_ITEM -> items.computeIfAbsent(e.parent(), k -> new ArrayList<>()).add(e);
                case ItemKind.LIST_ATTACHMENT -> attachments.computeIfAbsent(e.parent(), k -> new ArrayList<>()).add(e);
                default -> { }
            }
        });
        Map<String, String> people = new HashMap<>();
        List<JsonNode> restored = new ArrayList<>();
        for (JsonNode l : lists.values()) {
            if (!peopleList(l)) {
                restored.add(l);
                continue;
            }
            for (CatalogEntry p : items.getOrDefault(l.path("id").asText(), List.of())) {
                JsonNode f = Json.read(p.metadata()).path("fields");
                String user = f.path("UserName").asText(f.path("EMail").asText(""));
                if (!user.isEmpty()) {
                    people.put(itemId(p), user.toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        if (restored.isEmpty()) {
            throw new RestoreRefusedException("no list of " + source + " is in repository " + repo.name() + " at " + at
                    + ": check the protected item and the time");
        }
        Comparator<CatalogEntry> byId = Comparator.comparing((CatalogEntry e) -> itemId(e).length()).thenComparing(BackedUpLists::itemId);
        items.values().forEach(l -> l.sort(byId));
        return new BackedUpLists(restored, items, attachments, people);
    }

    /** The site's people list, by its template or its title. */
    static boolean peopleList(JsonNode list) {
        return "userInformation".equals(list.path("list").path("template").asText()) || PEOPLE.equals(list.path("displayName").asText());
    }

    /** The list item's own id (a number in its list), from its catalog id {@code <list id>:<item id>}. */
    static String itemId(CatalogEntry item) {
        return item.itemId().substring(item.itemId().indexOf(':') + 1);
    }

    List<CatalogEntry> itemsOf(JsonNode list) {
        return items.getOrDefault(list.path("id").asText(), List.of());
    }

    long itemCount() {
        return lists.stream().mapToLong(l -> itemsOf(l).size()).sum();
    }
}
