package io.m365vault.restore.tenant;

import com.microsoft.graph.core.models.UploadResult;
import com.microsoft.graph.core.tasks.LargeFileUploadTask;
import com.microsoft.graph.models.AttachmentItem;
import com.microsoft.graph.models.AttachmentType;
import com.microsoft.graph.models.UploadSession;
import com.microsoft.graph.users.item.messages.item.attachments.createuploadsession.CreateUploadSessionPostRequestBody;
import io.m365vault.backup.Json;
import io.m365vault.graph.TenantGraph;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Attachments added to a message after its create: under 3 MB by {@code POST .../attachments},
 * above by an upload session ({@code attachments/createUploadSession}) sent with the SDK's
 * LargeFileUploadTask, as Graph documents for attachments from 3 to 150 MB.
 */
final class LateAttachments {
    /** Outlook takes fragments of at most 4 MiB; a multiple of 320 KiB below that. */
    private static final int FRAGMENT = 12 * 320 * 1024;

    private final TenantGraph graph;

    LateAttachments(TenantGraph graph) {
        this.graph = graph;
    }

    void add(String userId, String messageId, MessageContent.Attachment a) throws IOException {
        if (a.bytes().length < MessagePayload.SMALL) {
            graph.requests().postJson("/users/" + Json.seg(userId) + "/messages/" + Json.seg(messageId) + "/attachments",
                    MessagePayload.attachment(a));
            return;
        }
        AttachmentItem item = new AttachmentItem();
        item.setAttachmentType(AttachmentType.File);
        item.setName(a.name());
        item.setSize((long) a.bytes().length);
        item.setContentType(a.contentType());
        item.setIsInline(a.inline());
        if (a.contentId() != null) {
            item.setContentId(a.contentId());
        }
        CreateUploadSessionPostRequestBody body = new CreateUploadSessionPostRequestBody();
        body.setAttachmentItem(item);
        UploadSession session = graph.sdk().users().byUserId(userId).messages().byMessageId(messageId).attachments()
                .createUploadSession().post(body);
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
}
