package io.m365vault.graphsim.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.http.Req;
import io.m365vault.graphsim.model.Ids;
import io.m365vault.graphsim.model.Rng;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** The JSON Graph returns for messages, their attachments and mail folders. */
public final class MailJson {
    private final long seed;

    public MailJson(long seed) {
        this.seed = seed;
    }

    public static String changeKey(long seq, String id) {
        byte[] b = ByteBuffer.allocate(16).putLong(seq).putLong(id.hashCode()).array();
        return "CQAAABYAAA" + Base64.getEncoder().encodeToString(b).replace("=", "");
    }

    /**
     * The message as GET /messages/{id} returns it; {@code textBody} when the client prefers text,
     * the immutable id when it asked for {@code IdType="ImmutableId"}.
     */
    public ObjectNode message(MailItem m, boolean textBody, boolean withExtendedProperties, boolean immutableIds) {
        String id = m.id(immutableIds);
        MessageView v = MessageView.of(m.source.mime());
        ObjectNode j = Json.obj();
        String ck = changeKey(m.seq(), m.immutableId);
        j.put("@odata.type", "#microsoft.graph.message");
        j.put("@odata.etag", "W/\"" + ck + "\"");
        j.put("id", id);
        Instant date = v.date() != null ? v.date() : m.created;
        Instant received = extendedTime(m, "SystemTime 0x0E06", m.seq() == 0 ? date : m.created);
        Instant sent = extendedTime(m, "SystemTime 0x0039", date);
        j.put("createdDateTime", (m.seq() == 0 ? date : m.created).toString());
        j.put("lastModifiedDateTime", (m.seq() == 0 ? date : m.modified).toString());
        j.put("changeKey", ck);
        ArrayNode cats = j.putArray("categories");
        m.categories.forEach(cats::add);
        j.put("receivedDateTime", received.toString());
        j.put("sentDateTime", m.isDraft ? null : sent.toString());
        boolean hasFiles = v.attachments().stream().anyMatch(a -> !a.inline() || v.html() == null);
        j.put("hasAttachments", hasFiles);
        j.put("internetMessageId", v.messageId());
        j.put("subject", v.subject());
        String text = v.text() != null ? v.text() : v.html() != null ? v.html().replaceAll("<[^>]*>", " ") : "";
        String preview = text.replaceAll("\\s+", " ").trim();
        j.put("bodyPreview", preview.length() > 255 ? preview.substring(0, 255) : preview);
        j.put("importance", v.importance());
        j.put("parentFolderId", m.folderId);
        j.put("conversationId", Ids.outlook(seed, "conv:" + v.subject().replaceFirst("^(?i)(re|fw|fwd):\\s*", "")).substring(0, 76) + "=");
        j.put("conversationIndex", Base64.getEncoder().encodeToString(Rng.hash(seed, "ci:" + m.immutableId)).substring(0, 30));
        j.put("isDeliveryReceiptRequested", false);
        j.put("isReadReceiptRequested", false);
        j.put("isRead", m.isRead);
        j.put("isDraft", m.isDraft);
        j.put("webLink", "https://outlook.office365.com/owa/?ItemID=" + Req.encodeSegment(id) + "&exvsurl=1&viewmodel=ReadMessageItem");
        j.put("inferenceClassification", "focused");
        ObjectNode body = j.putObject("body");
        boolean html = v.html() != null && !textBody;
        body.put("contentType", html ? "html" : "text");
        body.put("content", html ? v.html() : v.text() != null ? v.text() : "");
        if (v.from() != null) {
            j.set("sender", address(v.from()));
            j.set("from", address(v.from()));
        }
        j.set("toRecipients", addresses(v.to()));
        j.set("ccRecipients", addresses(v.cc()));
        j.putArray("bccRecipients");
        j.set("replyTo", addresses(v.replyTo()));
        j.putObject("flag").put("flagStatus", m.flagStatus);
        if (withExtendedProperties) {
            j.set("singleValueExtendedProperties", extendedProperties(m, received, sent));
        }
        return j;
    }

    private static Instant extendedTime(MailItem m, String propId, Instant fallback) {
        if (m.extendedProperties != null) {
            for (JsonNode p : m.extendedProperties) {
                if (propId.equalsIgnoreCase(p.path("id").asText())) {
                    try {
                        return Instant.parse(p.path("value").asText());
                    } catch (RuntimeException e) {
                        return fallback;
                    }
                }
            }
        }
        return fallback;
    }

    /** Message flags (0x0E07) and the two dates, plus whatever the client stored. */
    private static ArrayNode extendedProperties(MailItem m, Instant received, Instant sent) {
        ArrayNode a = Json.arr();
        int flags = (m.isRead ? 1 : 0) | (m.isDraft ? 8 : 0);
        a.addObject().put("id", "Integer 0x0e07").put("value", Integer.toString(flags));
        a.addObject().put("id", "SystemTime 0x0039").put("value", sent.toString());
        a.addObject().put("id", "SystemTime 0x0e06").put("value", received.toString());
        if (m.extendedProperties != null) {
            for (JsonNode p : m.extendedProperties) {
                String id = p.path("id").asText();
                if (!id.equalsIgnoreCase("Integer 0x0E07") && !id.equalsIgnoreCase("SystemTime 0x0039") && !id.equalsIgnoreCase("SystemTime 0x0E06")) {
                    a.add(p.deepCopy());
                }
            }
        }
        return a;
    }

    /** A deleted or moved-away message in a delta page. */
    public static ObjectNode removed(String id) {
        return Json.removed("#microsoft.graph.message", id);
    }

    public static ObjectNode address(MessageSpec.Address a) {
        return Json.emailAddress(a.name(), a.address());
    }

    public static ArrayNode addresses(List<MessageSpec.Address> list) {
        ArrayNode arr = Json.arr();
        for (MessageSpec.Address a : list) {
            arr.add(address(a));
        }
        return arr;
    }

    public String attachmentId(MailItem m, int index) {
        // From the immutable id: attachment ids stay valid across moves.
        return Ids.outlook(seed, "att:" + m.immutableId + ":" + index);
    }

    public ObjectNode attachment(MailItem m, int index, MessageSpec.Attachment a, boolean withBytes) {
        ObjectNode j = Json.obj();
        j.put("@odata.type", "#microsoft.graph.fileAttachment");
        j.put("@odata.mediaContentType", a.contentType());
        j.put("id", attachmentId(m, index));
        j.put("lastModifiedDateTime", m.modified.toString());
        j.put("name", a.name());
        j.put("contentType", a.contentType());
        j.put("size", a.bytes().length);
        j.put("isInline", a.inline());
        j.put("contentId", a.contentId());
        j.putNull("contentLocation");
        if (withBytes) {
            j.put("contentBytes", Base64.getEncoder().encodeToString(a.bytes()));
        }
        return j;
    }

    public static ObjectNode folder(Mailbox box, MailFolder f) {
        ObjectNode j = Json.obj();
        j.put("@odata.type", "#microsoft.graph.mailFolder");
        j.put("id", f.id());
        j.put("displayName", f.displayName);
        j.put("parentFolderId", f.parentId);
        j.put("childFolderCount", box.children(f, true).size());
        j.put("unreadItemCount", f.unreadCount());
        j.put("totalItemCount", f.liveCount());
        j.put("sizeInBytes", f.liveCount() * 4096L);
        j.put("isHidden", f.hidden);
        return j;
    }

    public static ObjectNode folderRemoved(String id) {
        return Json.removed("#microsoft.graph.mailFolder", id);
    }
}
