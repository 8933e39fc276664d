package io.m365vault.backup.lists;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.ItemShape;
import io.m365vault.backup.Json;

/**
 * A list item as list-item delta sends it with {@code $expand=fields}: its column values in
 * {@code fields}, removals as the {@code deleted} facet, a new version on a new eTag. Item ids are
 * numbers per list (1, 2, ...), so the catalog knows an item by list id and item id.
 */
final class ListItemShape implements ItemShape {
    private final String base;
    private final String listId;

    /** @param base the site's Graph path, {@code sites/<id>} */
    ListItemShape(String base, String listId) {
        this.base = base;
        this.listId = listId;
    }

    static String catalogId(String listId, String itemId) {
        return listId + ":" + itemId;
    }

    @Override
    public String kind() {
        return ItemKind.LIST_ITEM;
    }

    @Override
    public String id(JsonNode item) {
        String id = Json.text(item, "id");
        return id == null ? null : catalogId(listId, id);
    }

    @Override
    public boolean removed(JsonNode item) {
        return item.has("deleted");
    }

    @Override
    public String version(JsonNode item) {
        return etag(item);
    }

    /** The item's eTag, or its {@code @odata.etag} where Graph gave only that. */
    static String etag(JsonNode item) {
        String etag = Json.text(item, "eTag");
        return etag != null ? etag : Json.text(item, "@odata.etag");
    }

    /** Asked for with {@code $expand=fields}, an item without them cannot be kept as it is: it is fetched again by id. */
    @Override
    public String unreadable(JsonNode item) {
        return item.path("fields").isObject() ? null : "Graph sent the list item without its fields: fetched again by id next run";
    }

    @Override
    public String itemPath(String id) {
        return base + "/lists/" + Json.seg(listId) + "/items/" + Json.seg(id.substring(listId.length() + 1)) + "?$expand=fields";
    }
}
