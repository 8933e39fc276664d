package io.m365vault.graphsim.mail;

import java.nio.charset.Charset;
import java.time.Instant;
import java.util.List;

/** What a message says, before it is MIME: the generator and JSON-created messages both produce one. */
public record MessageSpec(
        Address from,
        List<Address> to,
        List<Address> cc,
        String subject,
        Instant date,
        String messageId,
        Charset charset,
        String text,
        String html,
        List<Attachment> attachments,
        String importance,
        List<Address> replyTo) {

    /** A message without a Reply-To, as the generator makes them. */
    public MessageSpec(Address from, List<Address> to, List<Address> cc, String subject, Instant date, String messageId, Charset charset,
                       String text, String html, List<Attachment> attachments, String importance) {
        this(from, to, cc, subject, date, messageId, charset, text, html, attachments, importance, List.of());
    }

    public record Address(String name, String address) {
    }

    /** An attachment; {@code contentId} set means an inline image referenced from the HTML. */
    public record Attachment(String name, String contentType, byte[] bytes, String contentId) {
        public boolean inline() {
            return contentId != null;
        }
    }
}
