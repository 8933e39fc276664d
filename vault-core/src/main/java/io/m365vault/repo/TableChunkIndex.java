package io.m365vault.repo;

import com.azure.data.tables.TableClient;
import com.azure.data.tables.models.ListEntitiesOptions;
import com.azure.data.tables.models.TableEntity;
import com.azure.data.tables.models.TableTransactionAction;
import com.azure.data.tables.models.TableTransactionActionType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
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
 *
 * <p>A row's location (pack, offset, lengths, flags) is sealed with its chunk id as associated
 * data: a chunk's raw length is the exact size of a small message, which the keyed chunker
 * exists to hide. Only the id (a keyed HMAC) and the row's state are plain.
 */
public final class TableChunkIndex implements ChunkIndex {
    private static final int ROWS_PER_TRANSACTION = 100;
    private static final List<String> COLUMNS = List.of("RowKey", "loc", "state");
    static final String CONDEMNED_AT = "condemnedAt";

    private final TableClient table;
    private final Parallel parallel;
    private final Sealers sealers;

    public TableChunkIndex(TableClient table, Parallel parallel, RepoKeys keys) {
        this.table = table;
        this.parallel = parallel;
        this.sealers = new Sealers(keys, "index");
    }

    /** Rows are sealed under a key per slice of 65,536 (the id's first 4 hex digits): no key seals the whole index. */
    private Sealer sealer(ChunkId id) {
        return sealers.of(id.hex().substring(0, 4));
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

    /** The whole row is read (its ETag with it), so that a change can be made only if the row is unchanged. */
    @Override
    public void forEachRow(Consumer<IndexRow> action) {
        table.listEntities().forEach(e -> {
            Object at = e.getProperty(CONDEMNED_AT);
            action.accept(new IndexRow(location(e), at == null ? null : java.time.Instant.ofEpochMilli(((Number) at).longValue()), e));
        });
    }

    @Override
    public List<IndexChange> apply(List<IndexChange> changes) {
        List<TableTransactionAction> actions = new ArrayList<>(changes.size());
        for (IndexChange c : changes) {
            TableEntity e = (TableEntity) c.row().tag();
            TableTransactionActionType type = TableTransactionActionType.UPDATE_REPLACE;
            switch (c.kind()) {
                case CONDEMN -> e.addProperty("state", "condemned").addProperty(CONDEMNED_AT, c.at().toEpochMilli());
                case REVIVE -> {
                    e.addProperty("state", "live");
                    e.getProperties().remove(CONDEMNED_AT);
                }
                case MOVE -> e.addProperty("loc", entity(c.packId(), c.entry()).getProperty("loc"));
                case DELETE -> type = TableTransactionActionType.DELETE;
            }
            actions.add(new TableTransactionAction(type, e, true));
        }
        boolean[] done = ConditionalWrites.apply(table, parallel, actions);
        List<IndexChange> applied = new ArrayList<>();
        for (int i = 0; i < done.length; i++) {
            if (done[i]) {
                applied.add(changes.get(i));
            }
        }
        return applied;
    }

    private TableEntity entity(String packId, PackEntry e) {
        byte[] pack = packId.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer plain = ByteBuffer.allocate(16 + pack.length).putInt(e.offset()).putInt(e.length()).putInt(e.rawLength())
                .putInt(e.flags()).put(pack);
        byte[] aad = e.id().bytes();
        return new TableEntity(partition(e.id()), e.id().hex())
                .addProperty("loc", sealer(e.id()).seal(plain.array(), 0, plain.capacity(), aad))
                .addProperty("state", "live");
    }

    private ChunkLocation location(TableEntity e) {
        ChunkId id = ChunkId.parse(e.getRowKey());
        byte[] sealed = e.getProperty("loc") instanceof byte[] b ? b : new byte[0];
        ByteBuffer plain;
        try {
            plain = ByteBuffer.wrap(sealer(id).open(sealed, 0, sealed.length, id.bytes()));
        } catch (GeneralSecurityException ex) {
            throw new RepositoryException("the index row of chunk " + id + " does not open: altered, moved or from another repository");
        }
        if (plain.remaining() < 17 || plain.remaining() > 16 + 128) {
            throw new RepositoryException("the index row of chunk " + id + " is malformed");
        }
        PackEntry entry = new PackEntry(id, plain.getInt(), plain.getInt(), plain.getInt(), plain.getInt());
        byte[] pack = new byte[plain.remaining()];
        plain.get(pack);
        return new ChunkLocation(new String(pack, StandardCharsets.US_ASCII), entry, "condemned".equals(e.getProperty("state")));
    }
}
