package io.m365vault.backup.lists;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.ItemShape;
import io.m365vault.backup.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * A file attached to a list item, as SharePoint REST lists it ({@code AttachmentFiles}: its
 * {@code FileName} and {@code ServerRelativeUrl}, no size or date). An attachment cannot be edited
 * in place, only removed and added again, and either is a new version of the item; so a new item
 * eTag (kept beside the listing as {@code itemETag}) is taken for new content, and the file is read
 * again from {@code AttachmentFiles('{name}')/$value}.
 */
public final class ListAttachmentShape implements ItemShape {
    static final String ITEM_ETAG = "itemETag";
    private final String itemUrl;
    private final String itemId;

    /**
     * @param itemUrl the item's REST URL, {@code {site webUrl}/_api/web/lists(guid'{list}')/items({id})}
     * @param itemId  the item's catalog id: an attachment's is that and its name, names being unique only within an item
     */
    ListAttachmentShape(String itemUrl, String itemId) {
        this.itemUrl = itemUrl;
        this.itemId = itemId;
    }

    public static String itemUrl(String siteWebUrl, String listId, String itemId) {
        return siteWebUrl + "/_api/web/lists(guid'" + listId + "')/items(" + itemId + ")";
    }

    static String listUrl(String itemUrl) {
        return itemUrl + "/AttachmentFiles";
    }

    @Override
    public String kind() {
        return ItemKind.LIST_ATTACHMENT;
    }

    @Override
    public String id(JsonNode item) {
        String name = Json.text(item, "FileName");
        return name == null ? null : itemId + "/" + name;
    }

    @Override
    public boolean removed(JsonNode item) {
        return false;
    }

    @Override
    public String version(JsonNode item) {
        return Json.fields(item, "FileName", "ServerRelativeUrl", ITEM_ETAG);
    }

    @Override
    public String contentTag(JsonNode item) {
        return version(item);
    }

    @Override
    public String contentPath(JsonNode item) {
        return listUrl(itemUrl) + "('" + literal(Json.text(item, "FileName")) + "')/$value";
    }

    /** The REST URL that adds a file named {@code name} to the item at {@code itemUrl} (the file's bytes the body of a POST). */
    public static String addUrl(String itemUrl, String name) {
        return listUrl(itemUrl) + "/add(FileName='" + literal(name) + "')";
    }

    /** The name as an OData string literal ({@code '} doubled), percent-encoded for the path. */
    private static String literal(String name) {
        return URLEncoder.encode(name.replace("'", "''"), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
