package io.m365vault.backup;

import io.m365vault.graph.GraphNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs one collection per container (a mail or contact folder, a drive). A container whose
 * collection answers 404 is gone and closes; one that cannot be read otherwise is skipped for now
 * and the rest still run; the workload then fails with what went wrong, so the run says so and
 * the next one tries again.
 */
public final class Containers {
    private Containers() {
    }

    /** {@code noun} names the containers in the error, e.g. "folders". Returns what the collections wrote. */
    public static List<CollectionSync.Written> each(CollectionSync sync, Iterable<String> folders, String noun,
                                                    Function<String, Collection> collection) throws IOException {
        return each(sync, folders, noun, collection, page -> { });
    }

    /** As above, each page's new versions handed to {@code hook} before its checkpoint ({@link CollectionSync#run(Collection, CollectionSync.PageHook)}). */
    public static List<CollectionSync.Written> each(CollectionSync sync, Iterable<String> folders, String noun,
                                                    Function<String, Collection> collection, CollectionSync.PageHook hook) throws IOException {
        List<CollectionSync.Written> written = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int n = 0;
        for (String f : folders) {
            n++;
            try {
                written.addAll(sync.run(collection.apply(f), hook));
            } catch (GraphNotFoundException gone) {
                sync.close(f);
            } catch (IOException e) {
                failures.add(e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new IOException(failures.size() + " of " + n + " " + noun + " could not be read (the others are backed up): " + failures.get(0));
        }
        return written;
    }
}
