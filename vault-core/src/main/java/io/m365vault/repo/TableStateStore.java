package io.m365vault.repo;

import com.azure.data.tables.TableClient;
import com.azure.data.tables.models.ListEntitiesOptions;
import com.azure.data.tables.models.TableEntity;
import com.azure.data.tables.models.TableEntityUpdateMode;
import com.azure.data.tables.models.TableServiceException;
import com.azure.data.tables.models.TableTransactionAction;
import com.azure.data.tables.models.TableTransactionActionType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The state table in Table Storage. Partition = encoded scope, row = encoded key. */
public final class TableStateStore implements StateStore {
    private static final int TRANSACTION_ROWS = 100;
    private final TableClient table;

    public TableStateStore(TableClient table) {
        this.table = table;
    }

    @Override
    public void put(Checkpoint c) {
        TableEntity e = new TableEntity(TableKeys.encode(c.scope()), TableKeys.encode(c.key()));
        c.values().forEach(e::addProperty);
        // Replace, not merge: a checkpoint's absent fields (a finished page link) must go.
        table.upsertEntityWithResponse(e, TableEntityUpdateMode.REPLACE, null, null);
    }

    /**
     * In transactions of up to 100 rows of one scope (the table's limit): a run's 10,000 queued
     * items cost about a hundred requests, not ten thousand.
     */
    @Override
    public void putAll(List<Checkpoint> rows) {
        Map<String, List<TableTransactionAction>> byScope = new LinkedHashMap<>();
        for (Checkpoint c : rows) {
            TableEntity e = new TableEntity(TableKeys.encode(c.scope()), TableKeys.encode(c.key()));
            c.values().forEach(e::addProperty);
            byScope.computeIfAbsent(e.getPartitionKey(), k -> new ArrayList<>())
                    .add(new TableTransactionAction(TableTransactionActionType.UPSERT_REPLACE, e));
        }
        for (List<TableTransactionAction> actions : byScope.values()) {
            for (int i = 0; i < actions.size(); i += TRANSACTION_ROWS) {
                table.submitTransaction(actions.subList(i, Math.min(actions.size(), i + TRANSACTION_ROWS)));
            }
        }
    }

    @Override
    public Optional<Map<String, Object>> get(String scope, String key) {
        // A query, not a point read: a missing row is the normal first-run case, and the SDK
        // logs every 404 of a point read as an error.
        String filter = "PartitionKey eq '" + TableKeys.encode(scope) + "' and RowKey eq '" + TableKeys.encode(key) + "'";
        return table.listEntities(new ListEntitiesOptions().setFilter(filter), null, null).stream().findFirst().map(TableStateStore::values);
    }

    @Override
    public List<Map.Entry<String, Map<String, Object>>> list(String scope) {
        String filter = "PartitionKey eq '" + TableKeys.encode(scope) + "'";
        return table.listEntities(new ListEntitiesOptions().setFilter(filter), null, null).stream()
                .map(e -> Map.entry(TableKeys.decode(e.getRowKey()), values(e)))
                .toList();
    }

    @Override
    public void delete(String scope, String key) {
        try {
            table.deleteEntity(TableKeys.encode(scope), TableKeys.encode(key));
        } catch (TableServiceException e) {
            if (e.getResponse().getStatusCode() != 404) {
                throw e;
            }
        }
    }

    private static Map<String, Object> values(TableEntity e) {
        Map<String, Object> values = new HashMap<>(e.getProperties());
        values.keySet().removeAll(List.of("PartitionKey", "RowKey", "Timestamp", "odata.etag"));
        return values;
    }
}
