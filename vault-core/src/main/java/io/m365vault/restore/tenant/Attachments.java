package io.m365vault.restore.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.graph.core.models.UploadResult;
import com.microsoft.graph.core.tasks.LargeFileUploadTask;
import com.microsoft.graph.models.AttachmentItem;
import com.microsoft.graph.models.UploadSession;
import io.m365vault.graph.TenantGraph;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * File attachments added to a message or an event that exists: under 3 MB by
 * {@code POST .../attachments}, above by an upload session ({@code attachments/createUploadSession})
 * sent with the SDK's LargeFileUploadTask, as Graph documents for attachments from 3 to 150 MB.
 * Messages and events take the same two requests, so one path serves both.
 */
final class Attachments {
    /** Outlook takes fragments of at most 4 MiB; a multiple of 320 KiB below that. */
    private static final int FRAGMENT = 12 * 320 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TenantGraph graph;

    Attachments(TenantGraph graph) {
        this.graph = graph;
    }

    /** @param itemPath the message's or event's path, e.g. {@code /users/{id}/events/{id}} */
    void add(String itemPath, MessageContent.Attachment a) throws IOException {
        if (a.bytes().length < MessagePayload.SMALL) {
            graph.requests().postJson(itemPath + "/attachments", MessagePayload.attachment(a));
            return;
        }
        ObjectNode item = JSON.createObjectNode().put("attachmentType", "file").put("name", a.name()).put("size", a.bytes().length)
                .put("contentType", a.contentType()).put("isInline", a.inline());
        if (a.contentId() != null) {
            item.put("contentId", a.contentId());
        }
        ObjectNode body = JSON.createObjectNode();
        body.set("AttachmentItem", item);
        UploadSession session = session(graph.requests().postJson(itemPath + "/attachments/createUploadSession", body));
        UploadResult<AttachmentItem> done;
        try {
            done = new LargeFileUploadTask<>(graph.sdk().getRequestAdapter(), session, new ByteArrayInputStream(a.bytes()),
                    a.bytes().length, FRAGMENT, AttachmentItem::createFromDiscriminatorValue).upload();
        } catch (ReflectiveOperationException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("the upload of attachment " + a.name() + " did not finish: " + e, e);
        }
        if (!done.isUploadSuccessful()) {
            throw new IOException("the upload session of attachment " + a.name() + " ended without the attachment");
        }
    }

    /** The session Graph answered, as the SDK's upload task takes it. */
    private static UploadSession session(JsonNode answer) throws IOException {
        String url = answer.path("uploadUrl").asText(null);
        if (url == null) {
            throw new IOException("createUploadSession answered without an uploadUrl: " + answer);
        }
        UploadSession s = new UploadSession();
        s.setUploadUrl(url);
        if (answer.hasNonNull("expirationDateTime")) {
            s.setExpirationDateTime(OffsetDateTime.parse(answer.get("expirationDateTime").asText()));
        }
        List<String> ranges = new ArrayList<>();
        answer.path("nextExpectedRanges").forEach(r -> ranges.add(r.asText()));
        s.setNextExpectedRanges(ranges.isEmpty() ? List.of("0-") : ranges);
        return s;
    }
}
