package io.m365vault.backup.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.Json;

/** An event's file attachment: its JSON without contentBytes, and its bytes from {@code $value}. */
final class EventAttachmentShape extends OutlookShape {
    static final String FIELDS = "$select=id,name,contentType,size,isInline,lastModifiedDateTime";
    private final String base;
    private final String event;

    EventAttachmentShape(String base, String event) {
        super(ItemKind.EVENT_ATTACHMENT);
        this.base = base;
        this.event = event;
    }

    @Override
    public String version(JsonNode item) {
        return fields(item, "name", "contentType", "size", "isInline", "lastModifiedDateTime");
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
