package io.m365vault.graphsim.control;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.http.Json;

/**
 * The body of an Outlook createUploadSession: {@code {"AttachmentItem": {"attachmentType": "file",
 * "name": ..., "size": ..., "contentType": ...}}}. Graph takes files up to 150 MB this way.
 */
public record AttachmentItem(String name, long size, String contentType) {
    public static final long MAX = 150L * 1024 * 1024;

    public static AttachmentItem parse(byte[] body) {
        JsonNode item = Json.get(Json.parse(body), "AttachmentItem");
        if (item == null || !item.isObject()) {
            throw GraphError.badRequest("ErrorInvalidRequest", "createUploadSession needs {\"AttachmentItem\": {\"attachmentType\": \"file\", \"name\": ..., \"size\": ...}}.");
        }
        if (!"file".equalsIgnoreCase(item.path("attachmentType").asText("file"))) {
            throw GraphError.badRequest("ErrorInvalidRequest", "Only attachmentType 'file' can be uploaded in a session.");
        }
        String name = item.path("name").asText("");
        long size = item.path("size").asLong(-1);
        if (name.isBlank() || size <= 0) {
            throw GraphError.badRequest("ErrorInvalidRequest", "AttachmentItem needs a name and a positive size.");
        }
        if (size > MAX) {
            throw GraphError.badRequest("ErrorInvalidRequest", "An attachment may be at most 150 MB; got " + size + " bytes.");
        }
        String type = item.path("contentType").asText("application/octet-stream");
        return new AttachmentItem(name, size, type);
    }
}
