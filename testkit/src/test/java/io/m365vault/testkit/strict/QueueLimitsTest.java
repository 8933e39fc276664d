package io.m365vault.testkit.strict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueClientBuilder;
import com.azure.storage.queue.models.QueueStorageException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A queue message is at most 64 KiB (its UTF-8 text as sent), through the real SDK into a real Azurite. */
class QueueLimitsTest {
    private QueueClient queue;

    @BeforeEach
    void queue() {
        queue = new QueueClientBuilder().connectionString(StrictFixture.connectionString())
                .queueName("strict-" + UUID.randomUUID()).buildClient();
        queue.create();
    }

    @Test
    void aMessageIsAtMost64KiB() {
        queue.sendMessage("m".repeat(64 * 1024));
        assertEquals(64 * 1024, queue.receiveMessage().getBody().toString().length());
        refused(() -> queue.sendMessage("m".repeat(64 * 1024 + 1)));
    }

    @Test
    void theLimitCountsUtf8BytesNotChars() {
        // 'é' is two bytes in UTF-8: 32,769 chars are 65,538 bytes. (Azurite itself refuses even
        // 32 Ki of them, with 413 RequestBodyTooLarge, so the case just inside is not sent.)
        refused(() -> queue.sendMessage("é".repeat(32 * 1024 + 1)));
    }

    @Test
    void anUpdatedMessageIsHeldToTheSameLimit() {
        queue.sendMessage("small");
        var m = queue.receiveMessage();
        refused(() -> queue.updateMessage(m.getMessageId(), m.getPopReceipt(), "u".repeat(64 * 1024 + 1), Duration.ZERO));
        queue.updateMessage(m.getMessageId(), m.getPopReceipt(), "u".repeat(64 * 1024), Duration.ZERO);
    }

    private static void refused(org.junit.jupiter.api.function.Executable call) {
        QueueStorageException e = assertThrows(QueueStorageException.class, call);
        assertEquals(400, e.getStatusCode(), e.getMessage());
        assertEquals("MessageTooLarge", e.getErrorCode().toString(), e.getMessage());
    }
}
