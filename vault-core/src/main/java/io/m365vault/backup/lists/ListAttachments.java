package io.m365vault.backup.lists;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.backup.ChildListings;
import io.m365vault.backup.Collection;
import io.m365vault.backup.Json;
import io.m365vault.backup.SyncContext;
import io.m365vault.graph.GraphStatusException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A site's list item attachments through SharePoint REST: an item's {@code AttachmentFiles}
 * listed, each with the item's eTag beside it. A 401 or 403 from SharePoint is the app's token
 * refused (a secret's, or a missing {@code Sites.*} application permission for SharePoint): every
 * item after it fails at once with the same reason instead of asking again.
 */
final class ListAttachments implements ChildListings.Children {
    private static final Logger LOG = LoggerFactory.getLogger(ListAttachments.class);
    private final SyncContext ctx;
    private final String webUrl;
    private volatile String refused;

    /** @param webUrl the site's {@code webUrl}, SharePoint REST's root for it */
    ListAttachments(SyncContext ctx, String webUrl) {
        this.ctx = ctx;
        this.webUrl = webUrl;
    }

    /** Graph's {@code Attachments} column: whether the item has files. */
    static boolean hasFiles(JsonNode item) {
        return item.path("fields").path("Attachments").asBoolean(false);
    }

    @Override
    public boolean has(JsonNode item) {
        return hasFiles(item);
    }

    @Override
    public Collection collection(String itemId) {
        String url = itemUrl(itemId);
        return Collection.listing(ListsSync.ATTACHMENTS + itemId, ListAttachmentShape.listUrl(url), new ListAttachmentShape(url, itemId), itemId);
    }

    @Override
    public List<JsonNode> list(String itemId, JsonNode item) throws IOException {
        if (refused != null) {
            throw new IOException("SharePoint REST refuses the app's token: " + refused);
        }
        JsonNode answer;
        try {
            answer = ctx.graph().get(ListAttachmentShape.listUrl(itemUrl(itemId)));
        } catch (GraphStatusException e) {
            if (e.status() == 401 || e.status() == 403) {
                refused = e.status() + " " + e.getMessage();
                LOG.warn("sharepoint rest refuses the app run={} item={} workload=lists site={}: {}", ctx.runId(), ctx.item(), webUrl, refused);
            }
            throw e;
        }
        String etag = ListItemShape.etag(item);
        List<JsonNode> files = new ArrayList<>();
        for (JsonNode f : answer.path("value")) {
            ObjectNode copy = ((ObjectNode) f).deepCopy();
            copy.put(ListAttachmentShape.ITEM_ETAG, etag);
            files.add(copy);
        }
        return files;
    }

    /** Why SharePoint refused the app's token this run, or null. */
    String refused() {
        return refused;
    }

    /** The REST URL of the item {@code listId:itemId}. */
    private String itemUrl(String catalogId) {
        int colon = catalogId.indexOf(':');
        return ListAttachmentShape.itemUrl(webUrl, catalogId.substring(0, colon), catalogId.substring(colon + 1));
    }
}
