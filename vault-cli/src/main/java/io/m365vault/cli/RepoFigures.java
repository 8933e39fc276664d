package io.m365vault.cli;

import io.m365vault.repo.ContentRef;
import io.m365vault.repo.Repository;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a repository holds, counted from its own tables and blobs: the content of every item
 * version (logical), the distinct chunks' plaintext (unique), their sealed records (stored) and the
 * pack blobs. Dedup = logical / unique; compression = unique / stored.
 */
record RepoFigures(long versions, long logicalBytes, long chunks, long uniqueBytes, long sealedBytes, long packs, long packBytes) {

    static RepoFigures of(Repository repo) {
        AtomicLong versions = new AtomicLong();
        AtomicLong logical = new AtomicLong();
        repo.catalog().forEachContent((ContentRef ref, ContentRef metadata) -> {
            versions.incrementAndGet();
            logical.addAndGet(ref.size());
        }, bad -> { });
        AtomicLong chunks = new AtomicLong();
        AtomicLong unique = new AtomicLong();
        AtomicLong sealed = new AtomicLong();
        repo.index().forEach(loc -> {
            chunks.incrementAndGet();
            unique.addAndGet(loc.entry().rawLength());
            sealed.addAndGet(loc.entry().length());
        });
        long packs = 0;
        long packBytes = 0;
        for (String id : repo.packs().list()) {
            packs++;
            packBytes += repo.packs().size(id);
        }
        return new RepoFigures(versions.get(), logical.get(), chunks.get(), unique.get(), sealed.get(), packs, packBytes);
    }

    double dedup() {
        return uniqueBytes == 0 ? 1 : (double) logicalBytes / uniqueBytes;
    }

    double compression() {
        return sealedBytes == 0 ? 1 : (double) uniqueBytes / sealedBytes;
    }
}
