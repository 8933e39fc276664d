package io.m365vault.backup.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.ItemShape;
import io.m365vault.backup.Json;

/** An event's file attachment: its JSON without contentBytes, and its bytes from {@code $value}. */
final class EventAttachmentShape implements ItemShape {
    static final String FIELDS = "$select=id,name,contentType,size,isInline,lastModifiedDateTime";
    private final String base;
    private final String event;

    EventAttachmentShape(String base, String event) {
        this.base = base;
        this.event = event;
    }

    @Override
    public String kind() {
        return ItemKind.EVENT_ATTACHMENT;
    }

    @Override
    public boolean removed(JsonNode item) {
        return Outlook.removed(item);
    }

    @Override
    public String version(JsonNode item) {
        return Outlook.fields(item, "name", "contentType", "size", "isInline", "lastModifiedDateTime");
    }

    @Override
    public String contentTag(JsonNode item) {
        return version(item);
    }

    @Override
    public String contentPath(JsonNode item) {
        return base + "/events/" + Json.seg(event) + "/attachments/" + Json.seg(id(item)) + "/$value";
    }
}
