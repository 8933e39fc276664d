package io.m365vault.service;

import com.azure.storage.queue.QueueClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends messages to a queue, base64-encoded as the Functions queue trigger decodes them, many
 * at once: one send is one HTTP request, so ten thousand in a row would take minutes.
 */
public final class QueueSender {
    /** Requests in flight; storage queues take thousands of messages a second per queue. */
    public static final int DEFAULT_PARALLELISM = 64;

    private final QueueClient queue;
    private final int parallelism;

    public QueueSender(QueueClient queue, int parallelism) {
        this.queue = queue;
        this.parallelism = parallelism;
    }

    public static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    public void send(String text) {
        queue.sendMessage(encode(text));
    }

    /** Sends every message; a failure of any is thrown after the others were tried. */
    public void sendAll(List<String> texts) {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, texts.size())), r -> {
            Thread t = new Thread(r, "queue-send");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < Math.min(parallelism, texts.size()); w++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < texts.size(); i = next.getAndIncrement()) {
                        send(texts.get(i));
                    }
                }));
            }
            RuntimeException first = null;
            for (Future<?> f : workers) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while sending to queue " + queue.getQueueName(), e);
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
