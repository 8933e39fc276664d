package io.m365vault.restore.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.graph.DeltaPager;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a target list holds, listed once on first need, for skip-existing: each item's id by the
 * values of the columns a restore writes ({@link ListItemFields#key}); items this restore writes
 * are added as it goes, so the same values twice in one restore are written once.
 */
final class ExistingListItems {
    private final DeltaPager pager;
    private final String list;
    private final Set<String> columns;
    private Map<String, String> byKey;

    /** @param list the target list's path, {@code /sites/{id}/lists/{id}} */
    ExistingListItems(DeltaPager pager, String list, Set<String> columns) {
        this.pager = pager;
        this.list = list;
        this.columns = columns;
    }

    /** The id of an item there with these values, or null. */
    synchronized String find(String key) throws IOException {
        return items().get(key);
    }

    synchronized void added(String key, String id) throws IOException {
        items().putIfAbsent(key, id);
    }

    private Map<String, String> items() throws IOException {
        if (byKey == null) {
            Map<String, String> found = new HashMap<>();
            for (JsonNode i : pager.all(list.substring(1) + "/items?$expand=fields")) {
                found.putIfAbsent(ListItemFields.key(i.path("fields"), columns), i.path("id").asText());
            }
            byKey = found;
        }
        return byKey;
    }
}
