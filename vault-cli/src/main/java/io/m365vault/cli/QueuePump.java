package io.m365vault.cli;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;
import io.m365vault.graph.CredentialsRefusedException;
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
 * hands each one, base64-decoded, to the handler, keeps it invisible to other receivers while the
 * handler works (however long a backup takes), deletes it when the handler returns, lets it be
 * received again {@code retryAfter} after the handler throws (host.json's visibilityTimeout), and
 * after {@code maxDequeueCount} attempts moves it to the {@code -poison} queue and tells the
 * poison handler. A message received more than {@code maxDequeueCount} times (its workers stopped
 * while handling it, so no attempt failed) goes there too, unhandled, as the host does.
 */
final class QueuePump implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueuePump.class);
    /** How long a received message stays invisible to other receivers; renewed at half of it while handled. */
    static final Duration IN_FLIGHT = Duration.ofMinutes(10);
    private static final long MAX_POLL_MILLIS = 2000;

    /** Handles one message's text; throwing means "retry it". */
    interface Handler {
        void handle(String messageId, String text) throws Exception;
    }

    /** Told of a message given up on (already on the poison queue), with why. */
    interface PoisonHandler {
        void poisoned(String messageId, String text, String reason);
    }

    private final QueueClient queue;
    private final QueueClient poison;
    private final int parallel;
    private final int maxDequeueCount;
    private final Handler handler;
    private final PoisonHandler poisonHandler;
    private final Duration retryAfter;
    private final Duration inFlight;
    private final java.util.concurrent.ScheduledExecutorService keeper;
    private final ExecutorService workers;
    private final Semaphore slots;
    private final AtomicInteger handling = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    /** The app's credentials refused: every message would fail the same way. */
    private volatile CredentialsRefusedException refused;

    QueuePump(QueueClient queue, QueueClient poison, int parallel, int maxDequeueCount, Duration retryAfter, Duration inFlight,
              Handler handler, PoisonHandler poisonHandler) {
        this.retryAfter = retryAfter;
        this.inFlight = inFlight;
        this.keeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "queue-keeper-" + queue.getQueueName());
            t.setDaemon(true);
            return t;
        });
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

    /**
     * Handles messages until the queue is empty and none is in flight. Entra ID or Graph refusing
     * the app's credentials ends it at once with that line (a drain has no later to retry in).
     */
    void drain() throws InterruptedException {
        while (!stopped.get()) {
            if (refused != null) {
                throw refused;
            }
            int got = receive();
            if (got == 0 && handling.get() == 0 && queue.getProperties().getApproximateMessagesCount() == 0) {
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
            for (QueueMessageItem m : queue.receiveMessages(Math.min(free, 32), inFlight, null, null)) {
                got++;
                handling.incrementAndGet();
                workers.execute(() -> {
                    try {
                        handle(m);
                    } finally {
                        handling.decrementAndGet();
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
        // Each renewal of the message's invisibility gives it a new pop receipt: the last one deletes it.
        java.util.concurrent.atomic.AtomicReference<String> receipt = new java.util.concurrent.atomic.AtomicReference<>(m.getPopReceipt());
        long every = Math.max(1, inFlight.toMillis() / 2);
        java.util.concurrent.ScheduledFuture<?> keep = keeper.scheduleAtFixedRate(() -> {
            try {
                receipt.set(queue.updateMessage(m.getMessageId(), receipt.get(), null, inFlight).getPopReceipt());
            } catch (RuntimeException e) {
                LOG.warn("queue message invisibility not renewed queue={} id={}: {}", queue.getQueueName(), m.getMessageId(), e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        try {
            if (m.getDequeueCount() > maxDequeueCount) {
                keep.cancel(false);
                toPoison(m, receipt.get(), text, "received " + m.getDequeueCount() + " times, more than maxDequeueCount "
                        + maxDequeueCount + ", without an attempt finishing (its workers stopped while handling it)");
                return;
            }
            handler.handle(m.getMessageId(), text);
            keep.cancel(false);
            queue.deleteMessage(m.getMessageId(), receipt.get());
        } catch (Exception e) {
            keep.cancel(false);
            String reason = Failures.oneLine(e);
            if (e instanceof CredentialsRefusedException c) {
                refused = c;
            }
            LOG.warn("queue message failed queue={} id={} attempt={}: {}", queue.getQueueName(), m.getMessageId(), m.getDequeueCount(), reason);
            if (m.getDequeueCount() >= maxDequeueCount) {
                toPoison(m, receipt.get(), text, "after " + m.getDequeueCount() + " attempts: " + reason);
            } else {
                queue.updateMessage(m.getMessageId(), receipt.get(), null, retryAfter);
            }
        }
    }

    /** The message, as it came, onto the poison queue and off this one; then the poison handler hears of it. */
    private void toPoison(QueueMessageItem m, String receipt, String text, String reason) {
        poison.sendMessage(m.getBody().toString());
        queue.deleteMessage(m.getMessageId(), receipt);
        LOG.error("queue message moved to {} id={}: {}", poison.getQueueName(), m.getMessageId(), reason);
        poisonHandler.poisoned(m.getMessageId(), text, reason);
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
