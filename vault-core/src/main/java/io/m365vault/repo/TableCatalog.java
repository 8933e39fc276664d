package io.m365vault.repo;

import com.azure.data.tables.TableClient;
import com.azure.data.tables.models.ListEntitiesOptions;
import com.azure.data.tables.models.TableEntity;
import com.azure.data.tables.models.TableTransactionAction;
import com.azure.data.tables.models.TableTransactionActionType;
import com.azure.data.tables.models.TableServiceException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The catalog in Table Storage: a row per item version. Partition = encoded protected item + workload;
 * row = encoded item id + '!' + inverted validFrom, so an item's newest version comes first.
 * Metadata is sealed with the row's keys as associated data, split over properties of at most
 * 64 KiB each (a table property's limit).
 */
public final class TableCatalog implements Catalog {
    private static final int ROWS_PER_TRANSACTION = 100;
    private static final int META_PART = 60_000;

    private final TableClient table;
    private final RepoKeys keys;
    private final Parallel parallel;

    public TableCatalog(TableClient table, RepoKeys keys, Parallel parallel) {
        this.table = table;
        this.keys = keys;
        this.parallel = parallel;
    }

    /** In transactions of up to 100 rows per partition; empty versions are deleted one by one (rare). */
    @Override
    public void put(List<CatalogEntry> entries) {
        Map<String, Map<String, TableEntity>> byPartition = new LinkedHashMap<>();
        List<Runnable> deletes = new ArrayList<>();
        for (CatalogEntry e : entries) {
            if (e.empty()) {
                deletes.add(() -> delete(e));
                continue;
            }
            TableEntity entity = entity(e);
            // A transaction may name an entity once: the last write of a row wins.
            byPartition.computeIfAbsent(entity.getPartitionKey(), k -> new LinkedHashMap<>()).put(entity.getRowKey(), entity);
        }
        List<Runnable> transactions = new ArrayList<>();
        for (Map<String, TableEntity> rows : byPartition.values()) {
            List<TableEntity> list = new ArrayList<>(rows.values());
            for (int i = 0; i < list.size(); i += ROWS_PER_TRANSACTION) {
                List<TableTransactionAction> actions = list.subList(i, Math.min(list.size(), i + ROWS_PER_TRANSACTION)).stream()
                        .map(en -> new TableTransactionAction(TableTransactionActionType.UPSERT_REPLACE, en))
                        .toList();
                transactions.add(() -> table.submitTransaction(actions));
            }
        }
        parallel.runAll(transactions);
        if (!deletes.isEmpty()) {
            parallel.runAll(deletes);
        }
    }

    private void delete(CatalogEntry e) {
        try {
            table.deleteEntity(TableKeys.encode(e.partition()), rowKey(e.itemId(), e.validFrom()));
        } catch (TableServiceException ex) {
            if (ex.getResponse().getStatusCode() != 404) {
                throw ex;
            }
        }
    }

    /** Looked up in parallel. */
    @Override
    public Map<String, CatalogEntry> latest(String partition, java.util.Collection<String> itemIds) {
        Map<String, CatalogEntry> out = new java.util.concurrent.ConcurrentHashMap<>();
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
    public List<CatalogEntry> versions(String partition, String itemId) {
        String item = TableKeys.encode(itemId);
        String filter = "PartitionKey eq '" + TableKeys.encode(partition) + "' and RowKey ge '" + item
                + "!' and RowKey lt '" + item + "\"'";
        List<CatalogEntry> out = new ArrayList<>();
        table.listEntities(new ListEntitiesOptions().setFilter(filter), null, null).forEach(e -> out.add(entry(e)));
        return out;
    }

    @Override
    public void at(String partition, Instant t, String kind, Consumer<CatalogEntry> action) {
        String filter = "PartitionKey eq '" + TableKeys.encode(partition) + "' and validFrom le " + t.toEpochMilli() + "L"
                + (kind == null ? "" : " and kind eq '" + kind.replace("'", "''") + "'");
        String[] lastItem = {null};
        table.listEntities(new ListEntitiesOptions().setFilter(filter), null, null).forEach(row -> {
            String item = row.getRowKey().substring(0, row.getRowKey().indexOf('!'));
            if (item.equals(lastItem[0])) {
                return; // an older version of an item already decided
            }
            lastItem[0] = item;
            CatalogEntry e = entry(row);
            if (e.validAt(t)) {
                action.accept(e);
            }
        });
    }

    @Override
    public void forEachContent(Consumer<ContentRef> action) {
        table.listEntities(new ListEntitiesOptions().setSelect(List.of("content")), null, null)
                .forEach(e -> action.accept(ContentRef.decode((byte[]) e.getProperty("content"))));
    }

    static String rowKey(String itemId, Instant validFrom) {
        return TableKeys.encode(itemId) + "!" + String.format("%019d", Long.MAX_VALUE - validFrom.toEpochMilli());
    }

    private TableEntity entity(CatalogEntry e) {
        TableEntity entity = new TableEntity(TableKeys.encode(e.partition()), rowKey(e.itemId(), e.validFrom()))
                .addProperty("validFrom", e.validFrom().toEpochMilli())
                .addProperty("kind", e.kind())
                .addProperty("size", e.size())
                .addProperty("content", e.content().encode());
        if (e.validTo() != null) {
            entity.addProperty("validTo", e.validTo().toEpochMilli());
        }
        if (e.parent() != null) {
            entity.addProperty("parent", e.parent());
        }
        byte[] sealed = keys.seal(e.metadata(), 0, e.metadata().length, aad(entity.getPartitionKey(), entity.getRowKey()));
        for (int i = 0, part = 0; i < sealed.length; i += META_PART, part++) {
            entity.addProperty("meta" + part, java.util.Arrays.copyOfRange(sealed, i, Math.min(sealed.length, i + META_PART)));
        }
        return entity;
    }

    private CatalogEntry entry(TableEntity e) {
        String rk = e.getRowKey();
        String itemId = TableKeys.decode(rk.substring(0, rk.indexOf('!')));
        Object validTo = e.getProperty("validTo");
        return new CatalogEntry(TableKeys.decode(e.getPartitionKey()), itemId,
                Instant.ofEpochMilli(((Number) e.getProperty("validFrom")).longValue()),
                validTo == null ? null : Instant.ofEpochMilli(((Number) validTo).longValue()),
                (String) e.getProperty("kind"), (String) e.getProperty("parent"),
                ((Number) e.getProperty("size")).longValue(),
                ContentRef.decode((byte[]) e.getProperty("content")),
                metadata(e));
    }

    private byte[] metadata(TableEntity e) {
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        for (int part = 0; e.getProperty("meta" + part) instanceof byte[] b; part++) {
            sealed.writeBytes(b);
        }
        byte[] bytes = sealed.toByteArray();
        try {
            return keys.open(bytes, 0, bytes.length, aad(e.getPartitionKey(), e.getRowKey()));
        } catch (GeneralSecurityException ex) {
            throw new RepositoryException("catalog row " + e.getRowKey() + " of " + TableKeys.decode(e.getPartitionKey())
                    + " has metadata that does not decrypt (altered or moved)");
        }
    }

    private static byte[] aad(String partition, String row) {
        return (partition + "\n" + row).getBytes(StandardCharsets.UTF_8);
    }
}
