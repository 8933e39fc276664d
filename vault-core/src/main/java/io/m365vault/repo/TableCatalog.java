package io.m365vault.repo;

import com.azure.data.tables.TableClient;
import com.azure.data.tables.models.ListEntitiesOptions;
import com.azure.data.tables.models.TableEntity;
import com.azure.data.tables.models.TableServiceException;
import com.azure.data.tables.models.TableTransactionAction;
import com.azure.data.tables.models.TableTransactionActionType;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The catalog in Table Storage: a row per item version. Partition = the keyed HMAC of protected
 * item + workload; row = the keyed HMAC of the item id, '!', inverted validFrom, so an item's
 * newest version comes first and no key says what it names ({@link TableKeys}). The item id,
 * parent, size, content reference and metadata are sealed ({@link CatalogRow}); validFrom,
 * validTo and kind stay plain for queries and are bound to the seal.
 */
public final class TableCatalog implements Catalog {
    private static final int ROWS_PER_TRANSACTION = 100;
    /** A transaction's payload may be 4 MiB; this leaves room for the multipart framing. */
    private static final long BYTES_PER_TRANSACTION = 3_500_000;

    private final TableClient table;
    private final RepoKeys keys;
    private final Parallel parallel;
    private final Function<ContentRef, byte[]> chunks;
    private final Sealers sealers;

    /** {@code chunks} reads metadata that was too large for its row. */
    public TableCatalog(TableClient table, RepoKeys keys, Parallel parallel, Function<ContentRef, byte[]> chunks) {
        this.table = table;
        this.keys = keys;
        this.parallel = parallel;
        this.chunks = chunks;
        this.sealers = new Sealers(keys, "catalog");
    }

    /**
     * In transactions of one partition, at most 100 rows and 3.5 MB each (Azure's limits are 100
     * and 4 MiB); empty versions are deleted one by one (rare).
     */
    @Override
    public void put(List<CatalogEntry> entries) {
        Map<String, Map<String, TableEntity>> byPartition = new LinkedHashMap<>();
        Map<TableEntity, Long> sizes = new java.util.IdentityHashMap<>();
        List<Runnable> deletes = new ArrayList<>();
        for (CatalogEntry e : entries) {
            if (e.empty()) {
                deletes.add(() -> delete(e));
                continue;
            }
            TableEntity entity = entity(e, sizes);
            // A transaction may name an entity once: the last write of a row wins.
            byPartition.computeIfAbsent(entity.getPartitionKey(), k -> new LinkedHashMap<>()).put(entity.getRowKey(), entity);
        }
        List<Runnable> transactions = new ArrayList<>();
        for (Map<String, TableEntity> rows : byPartition.values()) {
            List<TableTransactionAction> batch = new ArrayList<>();
            long bytes = 0;
            for (TableEntity en : rows.values()) {
                long size = sizes.get(en);
                if (!batch.isEmpty() && (batch.size() == ROWS_PER_TRANSACTION || bytes + size > BYTES_PER_TRANSACTION)) {
                    List<TableTransactionAction> full = batch;
                    transactions.add(() -> table.submitTransaction(full));
                    batch = new ArrayList<>();
                    bytes = 0;
                }
                batch.add(new TableTransactionAction(TableTransactionActionType.UPSERT_REPLACE, en));
                bytes += size;
            }
            if (!batch.isEmpty()) {
                List<TableTransactionAction> last = batch;
                transactions.add(() -> table.submitTransaction(last));
            }
        }
        parallel.runAll(transactions);
        if (!deletes.isEmpty()) {
            parallel.runAll(deletes);
        }
    }

    private void delete(CatalogEntry e) {
        try {
            table.deleteEntity(partitionKey(e.partition()), rowKey(e.itemId(), e.validFrom()));
        } catch (TableServiceException ex) {
            if (ex.getResponse().getStatusCode() != 404) {
                throw ex;
            }
        }
    }

    /** Looked up in parallel. */
    @Override
    public Map<String, CatalogEntry> latest(String partition, Collection<String> itemIds) {
        Map<String, CatalogEntry> out = new ConcurrentHashMap<>();
        List<Runnable> lookups = new ArrayList<>();
        for (String id : itemIds) {
            lookups.add(() -> {
                List<CatalogEntry> versions = versions(partition, id);
                if (!versions.isEmpty()) {
                    out.put(id, versions.get(0));
                }
            });
        }
        if (!lookups.isEmpty()) {
            parallel.runAll(lookups);
        }
        return out;
    }

    @Override
    public boolean empty(String partition) {
        ListEntitiesOptions first = new ListEntitiesOptions().setFilter("PartitionKey eq '" + partitionKey(partition) + "'")
                .setTop(1).setSelect(List.of("RowKey"));
        return !table.listEntities(first, null, null).iterator().hasNext();
    }

    @Override
    public List<CatalogEntry> versions(String partition, String itemId) {
        String item = keys(itemId);
        String filter = "PartitionKey eq '" + partitionKey(partition) + "' and RowKey ge '" + item + "!' and RowKey lt '" + item + "\"'";
        List<CatalogEntry> out = new ArrayList<>();
        table.listEntities(new ListEntitiesOptions().setFilter(filter), null, null).forEach(e -> out.add(entry(partition, e)));
        return out;
    }

    @Override
    public void at(String partition, Instant t, String kind, Consumer<CatalogEntry> action) {
        String filter = "PartitionKey eq '" + partitionKey(partition) + "' and validFrom le " + t.toEpochMilli() + "L"
                + (kind == null ? "" : " and kind eq '" + kind.replace("'", "''") + "'");
        String[] lastItem = {null};
        table.listEntities(new ListEntitiesOptions().setFilter(filter), null, null).forEach(row -> {
            String item = row.getRowKey().substring(0, row.getRowKey().indexOf('!'));
            if (item.equals(lastItem[0])) {
                return; // an older version of an item already decided
            }
            lastItem[0] = item;
            Object validTo = row.getProperty("validTo");
            if (validTo == null || ((Number) validTo).longValue() > t.toEpochMilli()) {
                action.accept(entry(partition, row));
            }
        });
    }

    /** Every row of every partition (for verify and prune): each row is opened, its content read from the seal. */
    @Override
    public void forEachContent(java.util.function.BiConsumer<ContentRef, ContentRef> action, Consumer<String> unreadable) {
        table.listEntities().forEach(e -> {
            CatalogRow.Sealed s = openOr(e, unreadable);
            if (s != null) {
                action.accept(s.content(), s.metadataRef());
            }
        });
    }

    /**
     * One listing of the whole table: Azure returns rows in partition then row key order, so an
     * item's versions (same key prefix, inverted validFrom) come together, newest first.
     */
    @Override
    public void forEachVersion(Consumer<StoredVersion> action, Consumer<String> unreadable) {
        table.listEntities().forEach(e -> {
            CatalogRow.Sealed s = openOr(e, unreadable);
            if (s == null) {
                return;
            }
            String item = e.getRowKey().substring(0, Math.max(0, e.getRowKey().indexOf('!')));
            Object to = e.getProperty("validTo");
            action.accept(new StoredVersion(e.getPartitionKey(), item,
                    Instant.ofEpochMilli(((Number) e.getProperty("validFrom")).longValue()),
                    to == null ? null : Instant.ofEpochMilli(((Number) to).longValue()),
                    (String) e.getProperty("kind"), s.content(), s.metadataRef(), e));
        });
    }

    /** Each delete carries the ETag the row was read with: a row a backup rewrote since (closed it, say) stays. */
    @Override
    public int drop(List<StoredVersion> rows) {
        List<TableTransactionAction> deletes = new ArrayList<>();
        for (StoredVersion v : rows) {
            deletes.add(new TableTransactionAction(TableTransactionActionType.DELETE, (TableEntity) v.tag(), true));
        }
        int n = 0;
        for (boolean done : ConditionalWrites.apply(table, parallel, deletes)) {
            n += done ? 1 : 0;
        }
        return n;
    }

    private String partitionKey(String partition) {
        return TableKeys.hidden(keys, "catalog\n" + partition);
    }

    private String keys(String itemId) {
        return TableKeys.hidden(keys, itemId);
    }

    private String rowKey(String itemId, Instant validFrom) {
        return keys(itemId) + "!" + String.format("%019d", Long.MAX_VALUE - validFrom.toEpochMilli());
    }

    private TableEntity entity(CatalogEntry e, Map<TableEntity, Long> sizes) {
        String pk = partitionKey(e.partition());
        String rk = rowKey(e.itemId(), e.validFrom());
        TableEntity entity = new TableEntity(pk, rk)
                .addProperty("validFrom", e.validFrom().toEpochMilli())
                .addProperty("kind", e.kind());
        if (e.validTo() != null) {
            entity.addProperty("validTo", e.validTo().toEpochMilli());
        }
        byte[] plain = CatalogRow.plain(e);
        byte[] sealed = sealers.of(pk).seal(plain, 0, plain.length, CatalogRow.aad(pk, rk, e.validFrom(), e.validTo(), e.kind()));
        SealedColumns.put(entity, sealed);
        sizes.put(entity, SealedColumns.wireBytes(sealed));
        return entity;
    }

    /** The row opened, or null after telling {@code unreadable} why it does not open (a listing goes on past it). */
    private CatalogRow.Sealed openOr(TableEntity e, Consumer<String> unreadable) {
        try {
            return open(e);
        } catch (RepositoryException bad) {
            unreadable.accept(bad.getMessage());
            return null;
        }
    }

    private CatalogRow.Sealed open(TableEntity e) {
        Instant validFrom = Instant.ofEpochMilli(((Number) e.getProperty("validFrom")).longValue());
        Object to = e.getProperty("validTo");
        Instant validTo = to == null ? null : Instant.ofEpochMilli(((Number) to).longValue());
        byte[] sealed = SealedColumns.get(e);
        String where = "catalog row " + e.getRowKey();
        try {
            byte[] plain = sealers.of(e.getPartitionKey()).open(sealed, 0, sealed.length,
                    CatalogRow.aad(e.getPartitionKey(), e.getRowKey(), validFrom, validTo, (String) e.getProperty("kind")));
            return CatalogRow.read(plain, where);
        } catch (GeneralSecurityException ex) {
            throw new RepositoryException(where + " does not open: altered, moved or from another repository");
        }
    }

    private CatalogEntry entry(String partition, TableEntity e) {
        CatalogRow.Sealed s = open(e);
        if (!e.getRowKey().startsWith(keys(s.itemId()) + "!")) {
            throw new RepositoryException("catalog row " + e.getRowKey() + " holds item " + s.itemId() + " of another row");
        }
        Object validTo = e.getProperty("validTo");
        byte[] metadata = s.metadataRef() != null ? chunks.apply(s.metadataRef()) : s.metadata();
        return new CatalogEntry(partition, s.itemId(), Instant.ofEpochMilli(((Number) e.getProperty("validFrom")).longValue()),
                validTo == null ? null : Instant.ofEpochMilli(((Number) validTo).longValue()),
                (String) e.getProperty("kind"), s.parent(), s.size(), s.content(), metadata, s.metadataRef());
    }
}
