package io.m365vault.cli;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;
import io.m365vault.service.QueueSender;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the Functions host does for a queue trigger, on this machine: receives messages in batches,
 * hands each one, base64-decoded, to the handler, deletes it when the handler returns, lets it be
 * received again when the handler throws, and after {@code maxDequeueCount} attempts moves it to
 * the {@code -poison} queue and tells the poison handler. Defaults are the host's
 * (batchSize 16, maxDequeueCount 5).
 */
final class QueuePump implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueuePump.class);
    /** How long a received message stays invisible to other receivers while it is handled. */
    private static final Duration IN_FLIGHT = Duration.ofMinutes(10);
    private static final long MAX_POLL_MILLIS = 2000;

    /** Handles one message's text; throwing means "retry it". */
    interface Handler {
        void handle(String text) throws Exception;
    }

    /** Told of a message given up on, with the last attempt's error. */
    interface PoisonHandler {
        void poisoned(String text, String reason);
    }

    private final QueueClient queue;
    private final QueueClient poison;
    private final int parallel;
    private final int maxDequeueCount;
    private final Handler handler;
    private final PoisonHandler poisonHandler;
    private final ExecutorService workers;
    private final Semaphore slots;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();

    QueuePump(QueueClient queue, QueueClient poison, int parallel, int maxDequeueCount, Handler handler, PoisonHandler poisonHandler) {
        this.queue = queue;
        this.poison = poison;
        this.parallel = parallel;
        this.maxDequeueCount = maxDequeueCount;
        this.handler = handler;
        this.poisonHandler = poisonHandler;
        this.slots = new Semaphore(parallel);
        this.workers = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "queue-" + queue.getQueueName());
            t.setDaemon(true);
            return t;
        });
    }

    /** Handles messages until the queue is empty and none is in flight. */
    void drain() throws InterruptedException {
        while (!stopped.get()) {
            int got = receive();
            if (got == 0 && inFlight.get() == 0 && queue.getProperties().getApproximateMessagesCount() == 0) {
                return;
            }
            if (got == 0) {
                Thread.sleep(100);
            }
        }
    }

    /** Handles messages until {@link #close}, polling less often while the queue stays empty (as the host does). */
    void run() throws InterruptedException {
        long idle = 100;
        while (!stopped.get()) {
            if (receive() > 0) {
                idle = 100;
            } else {
                Thread.sleep(idle);
                idle = Math.min(MAX_POLL_MILLIS, idle * 2);
            }
        }
    }

    /** Receives as many messages as there are free workers; returns how many. */
    private int receive() throws InterruptedException {
        slots.acquire();
        int free = 1 + slots.drainPermits();
        int got = 0;
        try {
            for (QueueMessageItem m : queue.receiveMessages(Math.min(free, 32), IN_FLIGHT, null, null)) {
                got++;
                inFlight.incrementAndGet();
                workers.execute(() -> {
                    try {
                        handle(m);
                    } finally {
                        inFlight.decrementAndGet();
                        slots.release();
                    }
                });
            }
        } finally {
            slots.release(free - got);
        }
        return got;
    }

    private void handle(QueueMessageItem m) {
        String text;
        try {
            text = QueueSender.decode(m.getBody().toString());
        } catch (IllegalArgumentException e) {
            text = m.getBody().toString();
        }
        try {
            handler.handle(text);
            queue.deleteMessage(m.getMessageId(), m.getPopReceipt());
        } catch (Exception e) {
            String reason = Failures.oneLine(e);
            LOG.warn("queue message failed queue={} id={} attempt={}: {}", queue.getQueueName(), m.getMessageId(), m.getDequeueCount(), reason);
            if (m.getDequeueCount() >= maxDequeueCount) {
                poison.sendMessage(m.getBody().toString());
                queue.deleteMessage(m.getMessageId(), m.getPopReceipt());
                poisonHandler.poisoned(text, reason);
            } else {
                // Visible again at once, as the host does with its default visibilityTimeout of 0.
                queue.updateMessage(m.getMessageId(), m.getPopReceipt(), null, Duration.ZERO);
            }
        }
    }

    int parallel() {
        return parallel;
    }

    @Override
    public void close() {
        stopped.set(true);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
    }
}
