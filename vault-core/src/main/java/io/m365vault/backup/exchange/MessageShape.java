package io.m365vault.backup.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.Json;

/**
 * A message: a new version on a new changeKey; new content only while it is a draft (any other
 * change, read, flag, categories, a move, keeps the stored MIME). Content is the exact MIME of
 * {@code $value}.
 */
final class MessageShape extends OutlookShape {
    static final String SELECT = "$select=id,changeKey,parentFolderId,subject,from,sender,toRecipients,"
            + "ccRecipients,bccRecipients,replyTo,receivedDateTime,sentDateTime,createdDateTime,lastModifiedDateTime,"
            + "isRead,isDraft,flag,categories,importance,internetMessageId,conversationId,hasAttachments";

    private final String base;

    MessageShape(String base) {
        super(ItemKind.MESSAGE);
        this.base = base;
    }

    @Override
    public String version(JsonNode item) {
        return changeKey(item);
    }

    @Override
    public String contentTag(JsonNode item) {
        return item.path("isDraft").asBoolean(false) ? "draft " + changeKey(item) : "sent";
    }

    @Override
    public String contentPath(JsonNode item) {
        return base + "/messages/" + Json.seg(id(item)) + "/$value";
    }

    @Override
    public String itemPath(String id) {
        return base + "/messages/" + Json.seg(id) + "?" + SELECT;
    }
}
