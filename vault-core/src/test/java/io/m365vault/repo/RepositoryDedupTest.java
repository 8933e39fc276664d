package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.testkit.AzuriteExtension;
import io.m365vault.testkit.AzuriteExtension.StorageAccount;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(AzuriteExtension.class)
class RepositoryDedupTest {
    @TempDir
    Path tmp;

    @Test
    void sameContentTwiceIsStoredOnce(StorageAccount account) {
        byte[] data = TestRepos.random(3, 20 << 20);
        try (Repository repo = Repository.init(TestRepos.storage(account), TestRepos.freshName(), TestRepos.newKek(tmp))) {
            try (WriterSession first = repo.newSession()) {
                first.store(data, ChunkerParams.FILES);
                first.commit();
                assertTrue(first.stats().newChunks() > 0);
            }
            // A new session knows nothing in memory: the dedup comes from the index.
            try (WriterSession second = repo.newSession()) {
                ContentRef ref = second.store(data, ChunkerParams.FILES);
                second.commit();
                assertEquals(0, second.stats().newChunks());
                assertEquals(0, second.stats().packs());
                assertArrayEquals(data, repo.reader().readAll(ref));
            }
        }
    }

    @Test
    void insertingBytesNearTheStartStoresLittleNew(StorageAccount account) {
        byte[] data = TestRepos.random(4, 16 << 20);
        byte[] edited = new byte[data.length + 100];
        System.arraycopy(data, 0, edited, 0, 5000);
        System.arraycopy(TestRepos.random(5, 100), 0, edited, 5000, 100);
        System.arraycopy(data, 5000, edited, 5100, data.length - 5000);
        try (Repository repo = Repository.init(TestRepos.storage(account), TestRepos.freshName(), TestRepos.newKek(tmp));
             WriterSession s = repo.newSession()) {
            s.store(data, ChunkerParams.SMALL);
            s.commit();
            long before = s.stats().newBytes();
            ContentRef ref = s.store(edited, ChunkerParams.SMALL);
            s.commit();
            long added = s.stats().newBytes() - before;
            assertTrue(added < 3 * ChunkerParams.SMALL.max(), "new bytes after a 100-byte insertion: " + added);
            assertArrayEquals(edited, repo.reader().readAll(ref));
        }
    }

    @Test
    void twoWritersStoringTheSameContentAtOnceBothRead(StorageAccount account) throws Exception {
        byte[] data = TestRepos.random(6, 24 << 20);
        try (Repository repo = Repository.init(TestRepos.storage(account), TestRepos.freshName(), TestRepos.newKek(tmp))) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            Callable<ContentRef> write = () -> {
                try (WriterSession s = repo.newSession()) {
                    ContentRef ref = s.store(data, ChunkerParams.FILES);
                    s.commit();
                    return ref;
                }
            };
            Future<ContentRef> a = pool.submit(write);
            Future<ContentRef> b = pool.submit(write);
            assertEquals(a.get(), b.get());
            pool.shutdown();
            assertArrayEquals(data, repo.reader().readAll(a.get()));
            VerifyReport report = new Verifier(repo).verify(true);
            assertTrue(report.ok(), report.errors().toString());
        }
    }
}
