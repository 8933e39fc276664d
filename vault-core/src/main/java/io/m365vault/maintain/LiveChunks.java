package io.m365vault.maintain;

import io.m365vault.repo.ChunkId;
import io.m365vault.repo.ContentReader;
import io.m365vault.repo.ContentRef;
import io.m365vault.repo.RepositoryException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The chunks the kept catalog rows reference: their content's and metadata's chunk ids, and for
 * a listed reference the chunk-list chunks and every chunk they list (each list read once). A
 * list that cannot be read is a problem: what it names is unknown, so nothing may be collected.
 */
final class LiveChunks {
    private final ContentReader reader;
    private final LiveSet live = new LiveSet();
    private final Set<ChunkId> listsRead = new HashSet<>();
    private final List<String> problems;
    private long protectedBytes;

    LiveChunks(ContentReader reader, List<String> problems) {
        this.reader = reader;
        this.problems = problems;
    }

    void add(ContentRef ref) {
        if (ref == null) {
            return;
        }
        ref.ids().forEach(live::add);
        if (ref.kind() != ContentRef.Kind.LISTED) {
            return;
        }
        for (ChunkId list : ref.ids()) {
            if (listsRead.add(list)) {
                try {
                    reader.chunkIds(new ContentRef(0, ContentRef.Kind.LISTED, List.of(list))).forEach(live::add);
                } catch (RepositoryException e) {
                    problems.add("chunk-list chunk " + list + " cannot be read, so what it names is unknown: " + e.getMessage());
                }
            }
        }
    }

    /** Counts the content of a current version: what the tenant holds now, as protected bytes. */
    void countProtected(long bytes) {
        protectedBytes += bytes;
    }

    boolean contains(ChunkId id) {
        return live.contains(id);
    }

    int size() {
        return live.size();
    }

    long protectedBytes() {
        return protectedBytes;
    }
}
