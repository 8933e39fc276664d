package io.m365vault.backup.exchange;

import io.m365vault.backup.Collection;
import io.m365vault.backup.CollectionSync;
import io.m365vault.graph.GraphNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs one collection per folder. A folder whose collection answers 404 is gone and closes; one
 * that cannot be read otherwise is skipped for now and the rest still run; the workload then
 * fails with what went wrong, so the run says so and the next one tries again.
 */
final class Folders {
    private Folders() {
    }

    static void each(CollectionSync sync, Iterable<String> folders, Function<String, Collection> collection) throws IOException {
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (String f : folders) {
            n++;
            try {
                sync.run(collection.apply(f));
            } catch (GraphNotFoundException gone) {
                sync.close(f);
            } catch (IOException e) {
                failures.add(e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new IOException(failures.size() + " of " + n + " folders could not be read (the others are backed up): " + failures.get(0));
        }
    }
}
