package io.m365vault.restore.tenant;

import java.util.List;

/** What a stored MIME message holds that Graph's message JSON does not: the body and the attachments' bytes. */
record MessageContent(String bodyType, String body, List<Attachment> attachments) {
    MessageContent {
        attachments = List.copyOf(attachments);
    }

    /** A file attachment; {@code contentId} names an inline one (an image the HTML body shows). */
    record Attachment(String name, String contentType, byte[] bytes, String contentId, boolean inline) {
    }
}
