package io.m365vault.backup.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.Json;

/**
 * An event's file attachment: its JSON without contentBytes, and its bytes from {@code $value}.
 * A series keeps its exceptions' attachments beside its own, each marked with the exception it
 * belongs to ({@link #EXCEPTION}): an exception has no catalog row of its own to hang them on.
 */
public final class EventAttachmentShape extends OutlookShape {
    static final String FIELDS = "$select=id,name,contentType,size,isInline,lastModifiedDateTime";
    /** The field naming the exception (its event id) whose attachment this is; absent for the event's own. */
    public static final String EXCEPTION = "exceptionId";
    private final String base;
    private final String event;

    EventAttachmentShape(String base, String event) {
        super(ItemKind.EVENT_ATTACHMENT);
        this.base = base;
        this.event = event;
    }

    /** The event an attachment belongs to: the exception it names, else its parent row's event. */
    public static String owner(JsonNode attachment, String parent) {
        String exception = Json.text(attachment, EXCEPTION);
        return exception != null ? exception : parent;
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
        return base + "/events/" + Json.seg(owner(item, event)) + "/attachments/" + Json.seg(id(item)) + "/$value";
    }
}
