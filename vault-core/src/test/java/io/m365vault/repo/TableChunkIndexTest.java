package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.data.tables.TableClient;
import com.azure.data.tables.models.TableEntity;
import io.m365vault.testkit.AzuriteExtension;
import io.m365vault.testkit.AzuriteExtension.StorageAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The index table through the strict layer: lookups of many ids in one call stay within Azure's limits. */
@ExtendWith(AzuriteExtension.class)
class TableChunkIndexTest {
    private static final RepoKeys KEYS = RepoKeys.generate();

    @Test
    void findsWhatWasAddedAndNothingElse(StorageAccount account) {
        TableClient table = TestRepos.storage(account).tables().createTableIfNotExists(TestRepos.freshName());
        try (Parallel io = new Parallel(16)) {
            TableChunkIndex index = new TableChunkIndex(table, io, KEYS);
            Random random = new Random(7);
            List<PackEntry> entries = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                entries.add(new PackEntry(id(random), i * 100, 100, 150, i % 2));
            }
            index.add("pack1", entries);
            List<ChunkId> asked = new ArrayList<>();
            for (int i = 0; i < 300; i += 2) {
                asked.add(entries.get(i).id());
                asked.add(id(random));
            }
            Map<ChunkId, ChunkLocation> found = index.find(asked);
            assertEquals(150, found.size());
            for (int i = 0; i < 300; i += 2) {
                ChunkLocation loc = found.get(entries.get(i).id());
                assertEquals("pack1", loc.packId());
                assertEquals(entries.get(i), loc.entry());
                assertFalse(loc.condemned());
            }
        }
    }

    @Test
    void aCondemnedRowIsFoundAsCondemned(StorageAccount account) {
        TableClient table = TestRepos.storage(account).tables().createTableIfNotExists(TestRepos.freshName());
        try (Parallel io = new Parallel(4)) {
            TableChunkIndex index = new TableChunkIndex(table, io, KEYS);
            PackEntry e = new PackEntry(id(new Random(3)), 0, 10, 10, 0);
            index.add("p", List.of(e));
            TableEntity row = table.getEntity(TableChunkIndex.partition(e.id()), e.id().hex());
            table.updateEntity(row.addProperty("state", "condemned"));
            assertTrue(index.find(List.of(e.id())).get(e.id()).condemned());
        }
    }

    private static ChunkId id(Random random) {
        byte[] b = new byte[ChunkId.LENGTH];
        random.nextBytes(b);
        return ChunkId.of(b);
    }
}
