package io.m365vault.graphsim.mail;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.model.SimUser;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Reads a message or attachment posted as Graph JSON into a {@link MessageSpec}. */
public final class JsonMessages {
    private JsonMessages() {
    }

    public static MessageSpec spec(JsonNode j, SimUser owner, Instant now, String fallbackMessageId) {
        JsonNode body = j.path("body");
        String type = body.path("contentType").asText("text");
        String content = body.path("content").asText("");
        String html = type.equalsIgnoreCase("html") ? content : null;
        String text = html != null ? html.replaceAll("<[^>]*>", " ").replaceAll("[ \\t]+", " ").trim() : content;
        MessageSpec.Address from = j.has("from") ? address(j.get("from"))
                : new MessageSpec.Address(owner.displayName, owner.address());
        Instant date = now;
        for (JsonNode p : j.path("singleValueExtendedProperties")) {
            if (p.path("id").asText().equalsIgnoreCase("SystemTime 0x0039")) {
                try {
                    date = Instant.parse(p.path("value").asText());
                } catch (RuntimeException e) {
                    throw GraphError.badRequest("ErrorInvalidProperty", "SystemTime 0x0039 must be an ISO-8601 date.");
                }
            }
        }
        String mid = j.path("internetMessageId").asText(null);
        mid = mid == null ? fallbackMessageId : mid.replace("<", "").replace(">", "");
        List<MessageSpec.Attachment> atts = new ArrayList<>();
        for (JsonNode a : j.path("attachments")) {
            atts.add(attachment(a));
        }
        return new MessageSpec(from, addresses(j.path("toRecipients")), addresses(j.path("ccRecipients")),
                j.path("subject").asText(""), date, mid, StandardCharsets.UTF_8, text, html, atts,
                j.path("importance").asText("normal").toLowerCase(java.util.Locale.ROOT), addresses(j.path("replyTo")));
    }

    public static MessageSpec.Attachment attachment(JsonNode a) {
        String odataType = a.path("@odata.type").asText("#microsoft.graph.fileAttachment");
        if (!odataType.equalsIgnoreCase("#microsoft.graph.fileAttachment")) {
            throw GraphError.badRequest("ErrorInvalidRequest", "Only fileAttachment is supported by the simulator, got " + odataType + ".");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(a.path("contentBytes").asText(""));
        } catch (IllegalArgumentException e) {
            throw GraphError.badRequest("ErrorInvalidRequest", "contentBytes is not valid base64.");
        }
        boolean inline = a.path("isInline").asBoolean(false);
        String cid = a.path("contentId").asText(null);
        return new MessageSpec.Attachment(a.path("name").asText("attachment"),
                a.path("contentType").asText("application/octet-stream"), bytes, inline ? (cid == null ? a.path("name").asText() : cid) : null);
    }

    private static MessageSpec.Address address(JsonNode recipient) {
        JsonNode e = recipient.path("emailAddress");
        String addr = Json.text(e, "address", null);
        if (addr == null) {
            throw GraphError.badRequest("ErrorInvalidRecipients", "A recipient has no emailAddress.address.");
        }
        return new MessageSpec.Address(Json.text(e, "name", ""), addr);
    }

    private static List<MessageSpec.Address> addresses(JsonNode arr) {
        List<MessageSpec.Address> out = new ArrayList<>();
        for (JsonNode r : arr) {
            out.add(address(r));
        }
        return out;
    }

    /** Message flags from the posted extended properties; null when the client set none. */
    public static Integer messageFlags(JsonNode j) {
        for (JsonNode p : j.path("singleValueExtendedProperties")) {
            if (p.path("id").asText().equalsIgnoreCase("Integer 0x0E07")) {
                try {
                    return Integer.parseInt(p.path("value").asText().trim());
                } catch (NumberFormatException e) {
                    throw GraphError.badRequest("ErrorInvalidProperty", "Integer 0x0E07 must be an integer.");
                }
            }
        }
        return null;
    }
}
