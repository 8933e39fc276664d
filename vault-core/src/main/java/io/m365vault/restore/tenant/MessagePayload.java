package io.m365vault.restore.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The body of {@code POST mailFolders/{id}/messages} that recreates a backed-up message: Graph's
 * fields from the catalog's JSON, body and attachments from the stored MIME, and the extended
 * properties without which Graph makes every created message a draft (DESIGN §4): message flags
 * {@code Integer 0x0E07} (PR_MESSAGE_FLAGS: 1 read, 8 unsent) and the client-submit and delivery
 * times {@code SystemTime 0x0039}, {@code 0x0E06}. Attachments that would take the request past
 * Graph's 3 MB for inline attachments are left for {@link #later()}.
 */
final class MessagePayload {
    /** Graph takes attachments inline in a create, or by POST .../attachments, only under 3 MB; larger ones need an upload session. */
    static final int SMALL = 3 * 1000 * 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] COPIED = {"subject", "importance", "internetMessageId", "isRead", "categories", "flag",
            "from", "sender", "toRecipients", "ccRecipients", "bccRecipients", "replyTo"};
    private static final int MSGFLAG_READ = 1;
    private static final int MSGFLAG_UNSENT = 8;

    private final ObjectNode create;
    private final List<MessageContent.Attachment> later = new ArrayList<>();

    MessagePayload(JsonNode message, MessageContent content) {
        create = JSON.createObjectNode();
        for (String f : COPIED) {
            JsonNode v = message.get(f);
            if (v != null && !v.isNull()) {
                create.set(f, v.deepCopy());
            }
        }
        create.putObject("body").put("contentType", content.bodyType()).put("content", content.body());
        boolean read = message.path("isRead").asBoolean(false);
        boolean draft = message.path("isDraft").asBoolean(false);
        ArrayNode props = create.putArray("singleValueExtendedProperties");
        props.addObject().put("id", "Integer 0x0E07").put("value", Integer.toString((read ? MSGFLAG_READ : 0) | (draft ? MSGFLAG_UNSENT : 0)));
        time(props, "SystemTime 0x0039", message.path("sentDateTime"));
        time(props, "SystemTime 0x0E06", message.path("receivedDateTime"));
        long inline = 0;
        ArrayNode atts = JSON.createArrayNode();
        for (MessageContent.Attachment a : content.attachments()) {
            if (inline + a.bytes().length < SMALL) {
                atts.add(attachment(a));
                inline += a.bytes().length;
            } else {
                later.add(a);
            }
        }
        if (!atts.isEmpty()) {
            create.set("attachments", atts);
        }
    }

    ObjectNode create() {
        return create;
    }

    /** The attachments to add once the message exists: by POST under 3 MB, by upload session above. */
    List<MessageContent.Attachment> later() {
        return later;
    }

    static ObjectNode attachment(MessageContent.Attachment a) {
        ObjectNode j = JSON.createObjectNode();
        j.put("@odata.type", "#microsoft.graph.fileAttachment");
        j.put("name", a.name());
        j.put("contentType", a.contentType());
        j.put("isInline", a.inline());
        if (a.contentId() != null) {
            j.put("contentId", a.contentId());
        }
        j.put("contentBytes", Base64.getEncoder().encodeToString(a.bytes()));
        return j;
    }

    private static void time(ArrayNode props, String id, JsonNode value) {
        if (value.isTextual() && !value.asText().isBlank()) {
            props.addObject().put("id", id).put("value", value.asText());
        }
    }
}
