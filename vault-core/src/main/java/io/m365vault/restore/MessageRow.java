package io.m365vault.restore;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.ContentRef;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What the mail export needs of one message row, and no more: its Graph JSON is dropped once read,
 * so a large mailbox's listing stays small in memory.
 */
record MessageRow(String itemId, String folderId, ContentRef content, String subject, String sender, Instant received) {

    static MessageRow of(CatalogEntry e) {
        JsonNode m = GraphJson.of(e);
        String folder = e.parent() != null ? e.parent() : GraphJson.text(m, "parentFolderId");
        String sender = GraphJson.text(m, "from", "emailAddress", "address");
        if (sender == null) {
            sender = GraphJson.text(m, "sender", "emailAddress", "address");
        }
        Instant received = instant(GraphJson.text(m, "receivedDateTime"));
        if (received == null) {
            received = instant(GraphJson.text(m, "sentDateTime"));
        }
        return new MessageRow(e.itemId(), folder, e.content(), GraphJson.text(m, "subject"), sender,
                received != null ? received : e.validFrom());
    }

    private static Instant instant(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
