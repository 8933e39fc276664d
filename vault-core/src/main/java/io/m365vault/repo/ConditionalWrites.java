package io.m365vault.repo;

import com.azure.core.util.Context;
import com.azure.data.tables.TableClient;
import com.azure.data.tables.models.TableEntity;
import com.azure.data.tables.models.TableEntityUpdateMode;
import com.azure.data.tables.models.TableServiceException;
import com.azure.data.tables.models.TableTransactionAction;
import com.azure.data.tables.models.TableTransactionActionType;
import com.azure.data.tables.models.TableTransactionFailedException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Updates and deletes of table rows as they were read (If-Match on each row's ETag), for
 * maintenance that runs beside writers: a row a writer changed meanwhile is left as the writer
 * left it. Grouped into transactions of one partition and at most 100 rows (Azure's limits); a
 * transaction is all or nothing, so one that fails because some row changed is redone row by
 * row, and each row that changed or is gone is skipped.
 */
final class ConditionalWrites {
    private static final int ROWS_PER_TRANSACTION = 100;

    private ConditionalWrites() {
    }

    /** Applies the actions (each an entity as read, possibly altered); element i says whether action i took effect. */
    static boolean[] apply(TableClient table, Parallel parallel, List<TableTransactionAction> actions) {
        Map<String, List<Integer>> byPartition = new LinkedHashMap<>();
        for (int i = 0; i < actions.size(); i++) {
            byPartition.computeIfAbsent(actions.get(i).getEntity().getPartitionKey(), k -> new ArrayList<>()).add(i);
        }
        boolean[] done = new boolean[actions.size()];
        List<Runnable> work = new ArrayList<>();
        for (List<Integer> group : byPartition.values()) {
            for (int i = 0; i < group.size(); i += ROWS_PER_TRANSACTION) {
                List<Integer> batch = group.subList(i, Math.min(group.size(), i + ROWS_PER_TRANSACTION));
                work.add(() -> submit(table, actions, batch, done));
            }
        }
        if (!work.isEmpty()) {
            parallel.runAll(work);
        }
        return done;
    }

    /** Each batch writes its own elements of {@code done}; {@link Parallel#runAll} publishes them when it returns. */
    private static void submit(TableClient table, List<TableTransactionAction> actions, List<Integer> batch, boolean[] done) {
        try {
            table.submitTransaction(batch.stream().map(actions::get).toList());
            batch.forEach(i -> done[i] = true);
        } catch (TableTransactionFailedException e) {
            for (int i : batch) {
                done[i] = one(table, actions.get(i));
            }
        }
    }

    private static boolean one(TableClient table, TableTransactionAction a) {
        TableEntity e = a.getEntity();
        try {
            if (a.getActionType() == TableTransactionActionType.DELETE) {
                table.deleteEntityWithResponse(e, true, null, Context.NONE);
            } else {
                TableEntityUpdateMode mode = a.getActionType() == TableTransactionActionType.UPDATE_MERGE
                        ? TableEntityUpdateMode.MERGE : TableEntityUpdateMode.REPLACE;
                table.updateEntityWithResponse(e, mode, true, null, Context.NONE);
            }
            return true;
        } catch (TableServiceException ex) {
            int status = ex.getResponse().getStatusCode();
            if (status == 412 || status == 404) {
                return false; // changed or deleted by someone else since it was read: theirs stands
            }
            throw ex;
        }
    }
}
