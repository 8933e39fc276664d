package io.m365vault.repo;

import com.azure.data.tables.TableClient;
import com.azure.data.tables.models.ListEntitiesOptions;
import com.azure.data.tables.models.TableEntity;
import com.azure.data.tables.models.TableEntityUpdateMode;
import com.azure.data.tables.models.TableServiceException;
import com.azure.data.tables.models.TableTransactionAction;
import com.azure.data.tables.models.TableTransactionActionType;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state table in Table Storage. Partition = keyed HMAC of the scope, row = keyed HMAC of the
 * key ({@link TableKeys}); the key and its values (delta links, item names, errors) are sealed
 * with the row's keys as associated data. Nothing in it is readable to the storage account.
 */
public final class TableStateStore implements StateStore {
    private static final int TRANSACTION_ROWS = 100;
    private static final long TRANSACTION_BYTES = 3_500_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final TableClient table;
    private final RepoKeys keys;
    private final Sealers sealers;

    public TableStateStore(TableClient table, RepoKeys keys) {
        this.table = table;
        this.keys = keys;
        this.sealers = new Sealers(keys, "state");
    }

    @Override
    public void put(Checkpoint c) {
        // Replace, not merge: a checkpoint's absent fields (a finished page link) must go.
        table.upsertEntityWithResponse(entity(c), TableEntityUpdateMode.REPLACE, null, null);
    }

    /**
     * In transactions of up to 100 rows of one scope (the table's limit): a run's 10,000 queued
     * items cost about a hundred requests, not ten thousand.
     */
    @Override
    public void putAll(List<Checkpoint> rows) {
        Map<String, List<TableEntity>> byScope = new LinkedHashMap<>();
        for (Checkpoint c : rows) {
            TableEntity e = entity(c);
            byScope.computeIfAbsent(e.getPartitionKey(), k -> new ArrayList<>()).add(e);
        }
        for (List<TableEntity> entities : byScope.values()) {
            List<TableTransactionAction> batch = new ArrayList<>();
            long bytes = 0;
            for (TableEntity e : entities) {
                long size = SealedColumns.wireBytes(SealedColumns.get(e));
                if (!batch.isEmpty() && (batch.size() == TRANSACTION_ROWS || bytes + size > TRANSACTION_BYTES)) {
                    table.submitTransaction(batch);
                    batch = new ArrayList<>();
                    bytes = 0;
                }
                batch.add(new TableTransactionAction(TableTransactionActionType.UPSERT_REPLACE, e));
                bytes += size;
            }
            if (!batch.isEmpty()) {
                table.submitTransaction(batch);
            }
        }
    }

    @Override
    public Optional<Map<String, Object>> get(String scope, String key) {
        // A query, not a point read: a missing row is the normal first-run case, and the SDK
        // logs every 404 of a point read as an error.
        String filter = "PartitionKey eq '" + scopeKey(scope) + "' and RowKey eq '" + TableKeys.hidden(keys, key) + "'";
        return table.listEntities(new ListEntitiesOptions().setFilter(filter), null, null).stream().findFirst()
                .map(e -> open(e).getValue());
    }

    /** Every row of a scope as (key, values), in key order. */
    @Override
    public List<Map.Entry<String, Map<String, Object>>> list(String scope) {
        String filter = "PartitionKey eq '" + scopeKey(scope) + "'";
        List<Map.Entry<String, Map<String, Object>>> out = new ArrayList<>();
        table.listEntities(new ListEntitiesOptions().setFilter(filter), null, null).forEach(e -> out.add(open(e)));
        out.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
        return out;
    }

    @Override
    public void delete(String scope, String key) {
        try {
            table.deleteEntity(scopeKey(scope), TableKeys.hidden(keys, key));
        } catch (TableServiceException e) {
            if (e.getResponse().getStatusCode() != 404) {
                throw e;
            }
        }
    }

    private String scopeKey(String scope) {
        return TableKeys.hidden(keys, "state\n" + scope);
    }

    private TableEntity entity(Checkpoint c) {
        TableEntity e = new TableEntity(scopeKey(c.scope()), TableKeys.hidden(keys, c.key()));
        Map<String, Object> row = new HashMap<>();
        row.put("key", c.key());
        row.put("values", c.values());
        byte[] plain;
        try {
            plain = JSON.writeValueAsBytes(row);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        SealedColumns.put(e, sealers.of(e.getPartitionKey()).seal(plain, 0, plain.length, aad(e)));
        return e;
    }

    @SuppressWarnings("unchecked")
    private Map.Entry<String, Map<String, Object>> open(TableEntity e) {
        byte[] sealed = SealedColumns.get(e);
        try {
            Map<String, Object> row = JSON.readValue(sealers.of(e.getPartitionKey()).open(sealed, 0, sealed.length, aad(e)), MAP);
            return Map.entry((String) row.get("key"), new HashMap<>((Map<String, Object>) row.get("values")));
        } catch (GeneralSecurityException | IOException | ClassCastException | NullPointerException ex) {
            throw new RepositoryException("state row " + e.getRowKey() + " does not open: altered, moved or from another repository");
        }
    }

    private static byte[] aad(TableEntity e) {
        return ("state\n" + e.getPartitionKey() + "\n" + e.getRowKey()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
