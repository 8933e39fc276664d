package io.m365vault.backup;

import java.io.IOException;
import java.util.List;

/** How one workload enumerates its collections for the one backup loop ({@link CollectionSync}). */
public interface WorkloadSync {
    void run(SyncContext ctx) throws IOException;

    /** What the run report should say of a workload that is done but not whole (what it leaves out and why), or null. */
    default String note() {
        return null;
    }

    /** The state rows of a container this run closed (a deleted folder's delta link): they go with it. */
    default List<String> stateKeysOf(String containerId) {
        return List.of();
    }
}
