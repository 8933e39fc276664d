package io.m365vault.repo;

import java.util.ArrayList;
import java.util.List;

/**
 * The plaintext of a chunk-list chunk: the ids of a long content's chunks, one after another.
 * A {@link ContentRef} in the catalog (stored in clear) may name any chunk as a list, so what
 * a list chunk holds is checked before it is read as ids.
 */
final class ChunkList {
    private ChunkList() {
    }

    /** The ids in the plaintext of list chunk {@code listId}: whole ids, at most {@link ContentRef#IDS_PER_LIST}. */
    static List<ChunkId> ids(ChunkId listId, byte[] plain) {
        if (plain.length % ChunkId.LENGTH != 0) {
            throw new RepositoryException("chunk-list chunk " + listId + " has " + plain.length
                    + " bytes, not a whole number of " + ChunkId.LENGTH + "-byte ids");
        }
        int n = plain.length / ChunkId.LENGTH;
        if (n > ContentRef.IDS_PER_LIST) {
            throw new RepositoryException("chunk-list chunk " + listId + " lists " + n + " ids; a list holds at most " + ContentRef.IDS_PER_LIST);
        }
        List<ChunkId> ids = new ArrayList<>(n);
        for (int off = 0; off < plain.length; off += ChunkId.LENGTH) {
            ids.add(ChunkId.of(plain, off));
        }
        return ids;
    }
}
