package io.m365vault.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.storage.queue.QueueClient;
import io.m365vault.repo.StorageAccount;
import io.m365vault.service.QueueSender;
import io.m365vault.testkit.AzuriteExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AzuriteExtension.class)
class QueuePumpTest {
    @Test
    void aMessageStaysInvisibleWhileItIsHandledHoweverLongAndIsHandledOnce(AzuriteExtension.StorageAccount account) throws Exception {
        StorageAccount storage = StorageAccount.of(account.connectionString());
        String name = "pump" + Long.toHexString(System.nanoTime());
        QueueClient queue = storage.queues().getQueueClient(name);
        queue.create();
        QueueClient poison = storage.queues().getQueueClient(name + "-poison");
        poison.create();
        new QueueSender(queue, 1).send("{\"work\":\"long\"}");
        AtomicInteger handled = new AtomicInteger();
        List<Integer> seenByOthers = new ArrayList<>();
        // Invisible for 2 s at a time, the handler takes 5 s: without renewal the message would come back twice.
        try (QueuePump pump = new QueuePump(queue, poison, 1, 5, Duration.ofSeconds(1), Duration.ofSeconds(2), (id, text) -> {
            handled.incrementAndGet();
            for (int i = 0; i < 5; i++) {
                Thread.sleep(1000);
                seenByOthers.add(queue.receiveMessages(1, Duration.ofSeconds(1), null, null).stream().toList().size());
            }
        }, (id, text, reason) -> { })) {
            pump.drain();
        }
        assertEquals(1, handled.get());
        assertTrue(seenByOthers.stream().allMatch(n -> n == 0), "no other receiver got it while it was handled: " + seenByOthers);
        assertEquals(0, queue.getProperties().getApproximateMessagesCount(), "deleted with its last pop receipt");
    }
}
