package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.data.tables.TableClient;
import io.m365vault.testkit.AzuriteExtension;
import io.m365vault.testkit.AzuriteExtension.StorageAccount;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What garbage collection asks of the tables and blobs, through the strict layer: index rows and
 * catalog rows changed only if unchanged since read (a writer's rewrite meanwhile stands), in
 * transactions that stay within one partition and 100 rows, and the pack listing with sizes and times.
 */
@ExtendWith(AzuriteExtension.class)
class MaintenanceRowsTest {
    private static final RepoKeys KEYS = RepoKeys.generate();

    @TempDir
    Path tmp;

    /** Ids whose first hex digit is {@code partition}'s: 250 of them fill one partition past two transactions. */
    private static List<PackEntry> entries(int n, int partition, long seed) {
        Random random = new Random(seed);
        List<PackEntry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] b = new byte[ChunkId.LENGTH];
            random.nextBytes(b);
            b[0] = (byte) ((partition << 4) | (b[0] & 0x0f));
            out.add(new PackEntry(ChunkId.of(b), i * 10, 10, 12, 0));
        }
        return out;
    }

    private static Map<ChunkId, IndexRow> rows(ChunkIndex index) {
        Map<ChunkId, IndexRow> out = new HashMap<>();
        index.forEachRow(r -> out.put(r.id(), r));
        return out;
    }

    @Test
    void indexChangesSkipRowsRewrittenSinceTheyWereRead(StorageAccount account) {
        TableClient table = TestRepos.storage(account).tables().createTableIfNotExists(TestRepos.freshName());
        try (Parallel io = new Parallel(8)) {
            TableChunkIndex index = new TableChunkIndex(table, io, KEYS);
            List<PackEntry> entries = entries(250, 7, 1);
            index.add("old", entries);
            Map<ChunkId, IndexRow> read = rows(index);
            assertEquals(250, read.size());
            // A backup stores three of them again into a new pack after prune read the rows.
            index.add("new", entries.subList(0, 3));
            Instant at = Instant.parse("2026-03-01T10:00:00Z");
            List<IndexChange> condemn = read.values().stream().map(r -> IndexChange.condemn(r, at)).toList();
            assertEquals(247, index.apply(condemn).size());
            Map<ChunkId, IndexRow> after = rows(index);
            for (int i = 0; i < 250; i++) {
                IndexRow r = after.get(entries.get(i).id());
                if (i < 3) {
                    assertTrue(!r.location().condemned() && r.condemnedAt() == null && r.packId().equals("new"), r.toString());
                } else {
                    assertTrue(r.location().condemned() && at.equals(r.condemnedAt()) && r.packId().equals("old"), r.toString());
                    assertTrue(index.find(List.of(r.id())).get(r.id()).condemned(), "a writer's lookup sees the condemnation");
                }
            }
            IndexRow revived = after.get(entries.get(3).id());
            IndexRow deleted = after.get(entries.get(4).id());
            IndexRow moved = after.get(entries.get(5).id());
            PackEntry newPlace = new PackEntry(moved.id(), 999, 10, 12, 0);
            List<IndexChange> made = index.apply(List.of(IndexChange.revive(revived), IndexChange.delete(deleted),
                    IndexChange.move(moved, "repacked", newPlace), IndexChange.delete(read.get(entries.get(6).id()))));
            assertEquals(3, made.size(), "the last was read before the condemnation: its ETag is stale");
            Map<ChunkId, IndexRow> last = rows(index);
            assertTrue(!last.get(revived.id()).location().condemned() && last.get(revived.id()).condemnedAt() == null);
            assertNull(last.get(deleted.id()));
            assertEquals(new ChunkLocation("repacked", newPlace, true), last.get(moved.id()).location());
            assertEquals(at, last.get(moved.id()).condemnedAt(), "a move keeps the row's condemnation");
            assertTrue(last.containsKey(entries.get(6).id()));
        }
    }

    @Test
    void catalogVersionsComeItemByItemNewestFirstAndADropSkipsARowRewrittenSince(StorageAccount account) {
        try (Repository repo = Repository.init(TestRepos.storage(account), TestRepos.freshName(), TestRepos.newKek(tmp));
             WriterSession s = repo.newSession()) {
            ContentRef ref = s.store("body".getBytes(StandardCharsets.UTF_8), ChunkerParams.SMALL);
            Instant t = Instant.parse("2026-01-01T00:00:00Z");
            for (String item : List.of("x/1", "y+2", "z=3")) {
                for (int v = 0; v < 3; v++) {
                    Instant from = t.plus(Duration.ofDays(v));
                    s.record(new CatalogEntry("user:u:mail", item, from, v == 2 ? null : from.plus(Duration.ofDays(1)), "message", "f",
                            ref.size(), ref, "{}".getBytes(StandardCharsets.UTF_8)));
                }
            }
            s.commit();
            List<StoredVersion> all = new ArrayList<>();
            repo.catalog().forEachVersion(all::add, bad -> { throw new AssertionError(bad); });
            assertEquals(9, all.size());
            for (int i = 0; i < 9; i += 3) {
                assertTrue(all.get(i).sameItem(all.get(i + 1)) && all.get(i).sameItem(all.get(i + 2)) && !all.get(i).sameItem(
                        i + 3 < 9 ? all.get(i + 3) : null), "an item's versions together");
                assertTrue(all.get(i).current() && all.get(i).validFrom().isAfter(all.get(i + 1).validFrom())
                        && all.get(i + 1).validFrom().isAfter(all.get(i + 2).validFrom()), "newest first");
                assertEquals(ref, all.get(i).content());
            }
            // A backup rewrites the oldest version of the first item after it was read.
            StoredVersion rewritten = all.get(2);
            CatalogEntry again = repo.catalog().versions("user:u:mail", "x/1").stream()
                    .filter(e -> e.validFrom().equals(rewritten.validFrom())).findFirst().orElseThrow();
            repo.catalog().put(List.of(again));
            List<StoredVersion> oldest = List.of(all.get(2), all.get(5), all.get(8));
            assertEquals(2, repo.catalog().drop(oldest));
            int left = 0;
            for (String item : List.of("x/1", "y+2", "z=3")) {
                left += repo.catalog().versions("user:u:mail", item).size();
            }
            assertEquals(7, left);
        }
    }

    @Test
    void thePackListingCarriesSizesAndTimes(StorageAccount account) {
        try (Repository repo = Repository.init(TestRepos.storage(account), TestRepos.freshName(), TestRepos.newKek(tmp))) {
            Instant before = Instant.now().minusSeconds(60);
            try (WriterSession s = repo.newSession()) {
                s.store(TestRepos.random(3, 300_000), ChunkerParams.SMALL);
                s.commit();
            }
            List<StoredPack> packs = repo.packs().stored();
            assertEquals(1, packs.size());
            assertEquals(repo.packs().size(packs.get(0).id()), packs.get(0).size());
            assertTrue(packs.get(0).lastModified().isAfter(before), packs.toString());
        }
    }
}
