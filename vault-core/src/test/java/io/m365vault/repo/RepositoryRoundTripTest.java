package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.testkit.AzuriteExtension;
import io.m365vault.testkit.AzuriteExtension.StorageAccount;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(AzuriteExtension.class)
class RepositoryRoundTripTest {
    @TempDir
    Path tmp;

    @Test
    void randomAndRealDataComeBackByteForByte(StorageAccount account) throws Exception {
        io.m365vault.repo.StorageAccount storage = TestRepos.storage(account);
        Kek kek = TestRepos.newKek(tmp);
        String name = TestRepos.freshName();
        List<Path> files = realFiles(Path.of(System.getProperty("java.home")), 200L << 20);
        List<ContentRef> refs = new ArrayList<>();
        List<byte[]> digests = new ArrayList<>();
        long total = 0;
        try (Repository repo = Repository.init(storage, name, kek); WriterSession s = repo.newSession()) {
            byte[] random = TestRepos.random(1, 48 << 20);
            refs.add(s.store(random, ChunkerParams.FILES));
            digests.add(MessageDigest.getInstance("SHA-256").digest(random));
            for (Path f : files) {
                try (InputStream in = Files.newInputStream(f)) {
                    DigestInputStream din = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"));
                    refs.add(s.store(din, ChunkerParams.FILES));
                    digests.add(din.getMessageDigest().digest());
                }
                total += Files.size(f);
            }
            s.commit();
            assertTrue(total > 100L << 20, "real data under test: " + total + " bytes");
            assertTrue(s.stats().storedBytes() < s.stats().bytesIn(), "zstd shrinks JDK files: " + s.stats().storedBytes());
        }
        try (Repository repo = Repository.open(storage, name, kek)) {
            ContentReader reader = repo.reader();
            for (int i = 0; i < refs.size(); i++) {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                try (InputStream in = reader.open(refs.get(i))) {
                    byte[] buf = new byte[1 << 16];
                    for (int n; (n = in.read(buf)) > 0; ) {
                        md.update(buf, 0, n);
                    }
                }
                assertArrayEquals(digests.get(i), md.digest(), "content " + i);
            }
            VerifyReport report = new Verifier(repo).verify(true);
            assertTrue(report.ok(), report.errors().toString());
            assertEquals(report.indexRows(), report.chunksRead());
        }
    }

    @Test
    void emptyAndTinyContent(StorageAccount account) {
        try (Repository repo = Repository.init(TestRepos.storage(account), TestRepos.freshName(), TestRepos.newKek(tmp));
             WriterSession s = repo.newSession()) {
            ContentRef empty = s.store(new byte[0], ChunkerParams.SMALL);
            ContentRef one = s.store(new byte[] {42}, ChunkerParams.SMALL);
            s.commit();
            assertEquals(0, repo.reader().readAll(empty).length);
            assertArrayEquals(new byte[] {42}, repo.reader().readAll(one));
        }
    }

    @Test
    void longContentIsReferencedThroughListChunks(StorageAccount account) {
        try (Repository repo = Repository.init(TestRepos.storage(account), TestRepos.freshName(), TestRepos.newKek(tmp));
             WriterSession s = repo.newSession()) {
            byte[] data = TestRepos.random(7, 8 << 20);
            ContentRef ref = s.store(data, ChunkerParams.SMALL);
            s.commit();
            assertEquals(ContentRef.Kind.LISTED, ref.kind());
            ContentRef decoded = ContentRef.decode(ref.encode());
            assertArrayEquals(data, repo.reader().readAll(decoded));
        }
    }

    private static List<Path> realFiles(Path root, long budget) throws IOException {
        List<Path> out = new ArrayList<>();
        long sum = 0;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).filter(Files::isReadable).sorted().toList()) {
                long size = Files.size(p);
                if (sum + size > budget) {
                    continue;
                }
                out.add(p);
                sum += size;
            }
        }
        return out;
    }
}
