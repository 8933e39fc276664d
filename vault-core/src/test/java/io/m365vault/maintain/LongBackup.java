package io.m365vault.maintain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.ChunkerParams;
import io.m365vault.repo.ContentRef;
import io.m365vault.repo.Repository;
import io.m365vault.repo.RepositoryException;
import io.m365vault.repo.Verifier;
import io.m365vault.repo.VerifyReport;
import io.m365vault.repo.WriterSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A long backup with prune running again and again beside it, in real time with a short trust
 * and grace: the backup stores content that a killed attempt left unreferenced (so prune
 * condemns and deletes it while the backup dedups against it), committing every few items. A
 * session refused for trusting the index too long is redone from its last commit, as the engine
 * redoes a page. Afterwards every committed row reads back and verify --read-data is clean.
 */
final class LongBackup {
    static final int ITEMS = 40;
    static final int SIZE = 150_000;

    private LongBackup() {
    }

    /** Runs it on {@code repo}, whose sessions trust the index for {@code repo.limits().knowledge()}; returns the prune passes run. */
    static int run(Repository repo, Duration pause) throws InterruptedException {
        try (WriterSession garbage = repo.newSession()) {
            for (int i = 0; i < ITEMS; i++) {
                garbage.store(History.content(i, SIZE), ChunkerParams.SMALL);
            }
            garbage.commit();
        }
        Duration grace = repo.limits().minimumGrace();
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger passes = new AtomicInteger();
        AtomicReference<Throwable> pruneFailure = new AtomicReference<>();
        Thread pruner = new Thread(() -> {
            try {
                while (!done.get()) {
                    new Prune(repo, RetentionPolicy.DEFAULT, Clock.systemUTC(), () -> { }).run(PruneOptions.defaults().withGrace(grace));
                    passes.incrementAndGet();
                }
            } catch (Throwable t) {
                pruneFailure.set(t);
            }
        }, "pruner");
        pruner.start();
        int committed = 0;
        int refused = 0;
        while (committed < ITEMS) {
            try (WriterSession s = repo.newSession()) {
                int i = committed;
                while (i < ITEMS) {
                    ContentRef ref = s.store(History.content(i, SIZE), ChunkerParams.SMALL);
                    s.record(new CatalogEntry(History.PARTITION, "item" + i, Instant.EPOCH, null, "message", "inbox", ref.size(), ref,
                            new byte[] {'{', '}'}));
                    i++;
                    Thread.sleep(pause.toMillis());
                    if (i % 3 == 0 || i == ITEMS) {
                        s.commit();
                        committed = i;
                    }
                }
            } catch (RepositoryException e) {
                assertTrue(e.getMessage().contains("relied on an index answer"), e.getMessage());
                refused++;
                assertTrue(refused < 20, "refused " + refused + " times");
            }
        }
        done.set(true);
        pruner.join();
        if (pruneFailure.get() != null) {
            throw new AssertionError("prune failed beside the backup", pruneFailure.get());
        }
        for (int i = 0; i < ITEMS; i++) {
            CatalogEntry e = repo.catalog().current(History.PARTITION, "item" + i).orElseThrow();
            assertArrayEquals(History.content(i, SIZE), repo.reader().readAll(e.content()), "item" + i);
        }
        VerifyReport v = new Verifier(repo).verify(true);
        assertTrue(v.ok(), v.errors().toString());
        return passes.get();
    }
}
