package io.m365vault.repo;

import com.azure.data.tables.TableClient;
import com.azure.data.tables.models.ListEntitiesOptions;
import com.azure.data.tables.models.TableEntity;
import com.azure.data.tables.models.TableTransactionAction;
import com.azure.data.tables.models.TableTransactionActionType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The chunks table. Partition = first hex digit of the id: 16 partitions, so the rows of one
 * pack (a few hundred random ids) batch into transactions of many rows.
 *
 * <p>A lookup is one point query per id ({@code PartitionKey eq .. and RowKey eq ..}), run in
 * parallel: Azure serves it from the key index, so its cost does not grow with the table, and
 * a missing id is an empty answer rather than a 404 (which the SDK would log as an error).
 * Several ids in one filter ({@code RowKey eq a or RowKey eq b ...}) would be fewer requests
 * but each a scan of the partition, and a filter holds at most 15 comparisons.
 * bench/README.md has the measurements behind the choice.
 */
public final class TableChunkIndex implements ChunkIndex {
    private static final int ROWS_PER_TRANSACTION = 100;
    private static final List<String> COLUMNS = List.of("RowKey", "pack", "off", "len", "raw", "flags", "state");

    private final TableClient table;
    private final Parallel parallel;

    public TableChunkIndex(TableClient table, Parallel parallel) {
        this.table = table;
        this.parallel = parallel;
    }

    static String partition(ChunkId id) {
        return id.hex().substring(0, 1);
    }

    @Override
    public Map<ChunkId, ChunkLocation> find(Collection<ChunkId> ids) {
        Map<ChunkId, ChunkLocation> found = new ConcurrentHashMap<>();
        List<Runnable> lookups = new ArrayList<>(ids.size());
        for (ChunkId id : new LinkedHashSet<>(ids)) {
            lookups.add(() -> lookup(id, found));
        }
        parallel.runAll(lookups);
        return found;
    }

    private void lookup(ChunkId id, Map<ChunkId, ChunkLocation> found) {
        String filter = "PartitionKey eq '" + partition(id) + "' and RowKey eq '" + id.hex() + "'";
        for (TableEntity e : table.listEntities(new ListEntitiesOptions().setFilter(filter).setSelect(COLUMNS), null, null)) {
            found.put(id, location(e));
        }
    }

    @Override
    public void add(String packId, List<PackEntry> entries) {
        List<Runnable> transactions = new ArrayList<>();
        Map<String, List<PackEntry>> groups = new TreeMap<>();
        for (PackEntry e : entries) {
            groups.computeIfAbsent(partition(e.id()), k -> new ArrayList<>()).add(e);
        }
        for (List<PackEntry> group : groups.values()) {
            for (int i = 0; i < group.size(); i += ROWS_PER_TRANSACTION) {
                List<TableTransactionAction> actions = group.subList(i, Math.min(group.size(), i + ROWS_PER_TRANSACTION))
                        .stream()
                        .map(e -> new TableTransactionAction(TableTransactionActionType.UPSERT_REPLACE, entity(packId, e)))
                        .toList();
                transactions.add(() -> table.submitTransaction(actions));
            }
        }
        parallel.runAll(transactions);
    }

    @Override
    public void forEach(Consumer<ChunkLocation> action) {
        table.listEntities(new ListEntitiesOptions().setSelect(COLUMNS), null, null)
                .forEach(e -> action.accept(location(e)));
    }

    private static TableEntity entity(String packId, PackEntry e) {
        return new TableEntity(partition(e.id()), e.id().hex())
                .addProperty("pack", packId)
                .addProperty("off", e.offset())
                .addProperty("len", e.length())
                .addProperty("raw", e.rawLength())
                .addProperty("flags", e.flags())
                .addProperty("state", "live");
    }

    private static ChunkLocation location(TableEntity e) {
        PackEntry entry = new PackEntry(ChunkId.parse(e.getRowKey()),
                (Integer) e.getProperty("off"), (Integer) e.getProperty("len"),
                (Integer) e.getProperty("raw"), (Integer) e.getProperty("flags"));
        return new ChunkLocation((String) e.getProperty("pack"), entry, "condemned".equals(e.getProperty("state")));
    }
}
