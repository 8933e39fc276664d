package io.m365vault.backup;

import java.io.IOException;
import java.util.List;

/** How one workload enumerates its collections for the one backup loop ({@link CollectionSync}). */
public interface WorkloadSync {
    void run(SyncContext ctx) throws IOException;

    /** The state rows of a container this run closed (a deleted folder's delta link): they go with it. */
    default List<String> stateKeysOf(String containerId) {
        return List.of();
    }
}
