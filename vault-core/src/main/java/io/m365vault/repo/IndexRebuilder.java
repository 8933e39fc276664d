package io.m365vault.repo;

import java.util.List;

/** Rebuilds the chunks index from the packs' headers alone (after loss of the table). */
public final class IndexRebuilder {
    private final Repository repo;

    public IndexRebuilder(Repository repo) {
        this.repo = repo;
    }

    /** Re-adds every chunk of every readable pack; returns the number of chunks indexed. */
    public long rebuild(VerifyReport problems) {
        PackReader reader = repo.packReader();
        long chunks = 0;
        for (String packId : repo.packs().list()) {
            List<PackEntry> entries;
            try {
                entries = reader.entries(packId);
            } catch (RepositoryException e) {
                problems.error(e.getMessage());
                continue;
            }
            repo.index().add(packId, entries);
            chunks += entries.size();
        }
        return chunks;
    }
}
