package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import io.m365vault.testkit.AzuriteExtension;
import io.m365vault.testkit.AzuriteExtension.StorageAccount;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(AzuriteExtension.class)
class RepositoryFaultsTest {
    @TempDir
    Path tmp;

    @Test
    void oneFlippedByteNamesExactlyThatChunk(StorageAccount account) {
        io.m365vault.repo.StorageAccount storage = TestRepos.storage(account);
        byte[] a = TestRepos.random(10, 3 << 20);
        byte[] b = TestRepos.random(11, 3 << 20);
        try (Repository repo = Repository.init(storage, TestRepos.freshName(), TestRepos.newKek(tmp));
             WriterSession s = repo.newSession()) {
            ContentRef refA = s.store(a, ChunkerParams.SMALL);
            ContentRef refB = s.store(b, ChunkerParams.SMALL);
            s.commit();
            ChunkId victim = refA.kind() == ContentRef.Kind.DIRECT ? refA.ids().get(1) : repo.reader().chunkIds(refA).get(1);
            ChunkLocation loc = repo.index().find(List.of(victim)).get(victim);
            BlobClient blob = container(storage, repo).getBlobClient(Pack.blobName(loc.packId()));
            byte[] pack = blob.downloadContent().toBytes();
            pack[loc.entry().offset() + loc.entry().length() / 2] ^= 0x01;
            blob.upload(BinaryData.fromBytes(pack), true);

            VerifyReport report = new Verifier(repo).verify(true);
            assertEquals(List.of(victim), report.corruptChunks(), report.errors().toString());
            CorruptChunkException e = assertThrows(CorruptChunkException.class, () -> repo.reader().readAll(refA));
            assertEquals(victim, e.chunkId());
            assertTrue(e.getMessage().contains(victim.hex()) && e.getMessage().contains(loc.packId()), e.getMessage());
            assertArrayEquals(b, repo.reader().readAll(refB));
        }
    }

    @Test
    void wrongKeyIsOneClearError(StorageAccount account) {
        io.m365vault.repo.StorageAccount storage = TestRepos.storage(account);
        String name = TestRepos.freshName();
        Repository.init(storage, name, TestRepos.newKek(tmp)).close();
        Kek other = TestRepos.newKek(tmp);
        WrongKeyException e = assertThrows(WrongKeyException.class, () -> Repository.open(storage, name, other));
        assertTrue(e.getMessage().contains("does not open"), e.getMessage());
    }

    @Test
    void initRefusesAnExistingRepository(StorageAccount account) {
        io.m365vault.repo.StorageAccount storage = TestRepos.storage(account);
        String name = TestRepos.freshName();
        Kek kek = TestRepos.newKek(tmp);
        Repository.init(storage, name, kek).close();
        RepositoryException e = assertThrows(RepositoryException.class, () -> Repository.init(storage, name, kek));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        Repository.open(storage, name, kek).close();
    }

    @Test
    void openingWhereNoRepositoryIsSaysSo(StorageAccount account) {
        RepositoryException e = assertThrows(RepositoryException.class,
                () -> Repository.open(TestRepos.storage(account), TestRepos.freshName(), TestRepos.newKek(tmp)));
        assertTrue(e.getMessage().contains("vault init"), e.getMessage());
    }

    @Test
    void corruptConfigAndMissingKeyBlobAreClearErrors(StorageAccount account) {
        io.m365vault.repo.StorageAccount storage = TestRepos.storage(account);
        String name = TestRepos.freshName();
        Kek kek = TestRepos.newKek(tmp);
        String keyId;
        try (Repository repo = Repository.init(storage, name, kek)) {
            keyId = repo.config().keyId();
        }
        BlobContainerClient container = storage.blobs().getBlobContainerClient(name);
        byte[] config = container.getBlobClient("config").downloadContent().toBytes();

        container.getBlobClient("config").upload(BinaryData.fromBytes(Arrays.copyOf(config, config.length / 2)), true);
        RepositoryException corrupt = assertThrows(RepositoryException.class, () -> Repository.open(storage, name, kek));
        assertTrue(corrupt.getMessage().contains("corrupt"), corrupt.getMessage());

        container.getBlobClient("config").upload(BinaryData.fromBytes(config), true);
        container.getBlobClient("keys/" + keyId).delete();
        RepositoryException missing = assertThrows(RepositoryException.class, () -> Repository.open(storage, name, kek));
        assertTrue(missing.getMessage().contains("keys/" + keyId) && missing.getMessage().contains("missing"), missing.getMessage());
    }

    @Test
    void aVersionOneRepositoryIsRefusedInOneLine(StorageAccount account) {
        io.m365vault.repo.StorageAccount storage = TestRepos.storage(account);
        String name = TestRepos.freshName();
        Kek kek = TestRepos.newKek(tmp);
        Repository.init(storage, name, kek).close();
        BlobClient config = storage.blobs().getBlobContainerClient(name).getBlobClient("config");
        String json = config.downloadContent().toString();
        assertTrue(json.contains("\"version\" : 2"), json);
        config.upload(BinaryData.fromString(json.replace("\"version\" : 2", "\"version\" : 1")), true);
        RepositoryException e = assertThrows(RepositoryException.class, () -> Repository.open(storage, name, kek));
        assertEquals("repository " + name + " has format version 1; this release reads version 2 only, and no version-1"
                + " repository holds backups to migrate: create a new one with `vault init`", e.getMessage());
    }

    @Test
    void truncatedPackIsNamedAndOthersStillRead(StorageAccount account) {
        io.m365vault.repo.StorageAccount storage = TestRepos.storage(account);
        byte[] a = TestRepos.random(12, 1 << 20);
        byte[] b = TestRepos.random(13, 1 << 20);
        try (Repository repo = Repository.init(storage, TestRepos.freshName(), TestRepos.newKek(tmp))) {
            ContentRef refA;
            ContentRef refB;
            try (WriterSession s = repo.newSession()) {
                refA = s.store(a, ChunkerParams.SMALL);
                s.commit();
                refB = s.store(b, ChunkerParams.SMALL);
                s.commit();
            }
            ChunkId first = refA.ids().get(0);
            String packId = repo.index().find(List.of(first)).get(first).packId();
            BlobClient blob = container(storage, repo).getBlobClient(Pack.blobName(packId));
            byte[] pack = blob.downloadContent().toBytes();
            blob.upload(BinaryData.fromBytes(Arrays.copyOf(pack, pack.length / 3)), true);

            VerifyReport report = new Verifier(repo).verify(false);
            assertEquals(1, report.errors().size(), report.errors().toString());
            assertTrue(report.errors().get(0).contains(packId) && report.errors().get(0).contains("truncated"), report.errors().toString());
            RepositoryException e = assertThrows(RepositoryException.class, () -> repo.reader().readAll(refA));
            assertTrue(e.getMessage().contains(packId), e.getMessage());
            assertArrayEquals(b, repo.reader().readAll(refB));
        }
    }

    @Test
    void crashBetweenPackUploadAndIndexWriteHealsOnReRun(StorageAccount account) {
        io.m365vault.repo.StorageAccount storage = TestRepos.storage(account);
        byte[] data = TestRepos.random(14, 4 << 20);
        try (Repository repo = Repository.init(storage, TestRepos.freshName(), TestRepos.newKek(tmp))) {
            // What a writer killed right after its pack upload leaves: a durable pack, no index rows.
            PackWriter writer = new PackWriter(repo.keys(), repo.config().packSize());
            ChunkCodec codec = new ChunkCodec(repo.keys());
            Chunker chunker = new Chunker(ChunkerParams.SMALL, repo.keys().gearTable());
            int off = 0;
            while (off < data.length) {
                int len = chunker.cut(data, off, data.length - off);
                writer.add(codec.encode(repo.keys().chunkId(data, off, len), data, off, len));
                off += len;
            }
            Pack orphan = writer.seal().name();
            repo.packs().put(orphan);
            assertTrue(repo.index().find(orphan.entries().stream().map(PackEntry::id).toList()).isEmpty());

            try (WriterSession rerun = repo.newSession()) {
                ContentRef ref = rerun.store(data, ChunkerParams.SMALL);
                rerun.commit();
                assertArrayEquals(data, repo.reader().readAll(ref));
            }
            VerifyReport report = new Verifier(repo).verify(true);
            assertTrue(report.ok(), report.errors().toString());
            assertEquals(orphan.entries().size(), report.unindexedChunks());
        }
    }

    @Test
    void indexIsRebuiltFromPacksAlone(StorageAccount account) {
        io.m365vault.repo.StorageAccount storage = TestRepos.storage(account);
        byte[] data = TestRepos.random(15, 6 << 20);
        String name = TestRepos.freshName();
        Kek kek = TestRepos.newKek(tmp);
        ContentRef ref;
        try (Repository repo = Repository.init(storage, name, kek); WriterSession s = repo.newSession()) {
            ref = s.store(data, ChunkerParams.SMALL);
            s.commit();
        }
        String table = Repository.tableName(name, "chunks");
        storage.tables().deleteTable(table);
        storage.tables().createTable(table);
        try (Repository repo = Repository.open(storage, name, kek)) {
            Map<ChunkId, ChunkLocation> gone = repo.index().find(ref.ids());
            assertTrue(gone.isEmpty());
            VerifyReport problems = new VerifyReport();
            long chunks = new IndexRebuilder(repo).rebuild(problems);
            assertTrue(problems.ok(), problems.errors().toString());
            assertTrue(chunks >= ref.ids().size());
            assertArrayEquals(data, repo.reader().readAll(ref));
            assertTrue(new Verifier(repo).verify(true).ok());
        }
    }

    private static BlobContainerClient container(io.m365vault.repo.StorageAccount storage, Repository repo) {
        return storage.blobs().getBlobContainerClient(repo.name());
    }
}
