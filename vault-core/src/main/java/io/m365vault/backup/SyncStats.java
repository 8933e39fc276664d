package io.m365vault.backup;

import java.util.concurrent.atomic.AtomicLong;

/** What a sync did to the catalog, and the content bytes it fetched from Graph. */
public final class SyncStats {
    final AtomicLong added = new AtomicLong();
    final AtomicLong changed = new AtomicLong();
    final AtomicLong moved = new AtomicLong();
    final AtomicLong removed = new AtomicLong();
    final AtomicLong unchanged = new AtomicLong();
    final AtomicLong contentFetched = new AtomicLong();
    final AtomicLong bytesFetched = new AtomicLong();
    final AtomicLong pages = new AtomicLong();
    final AtomicLong resyncs = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    private final java.util.function.LongConsumer onBytes;

    public SyncStats() {
        this(n -> { });
    }

    /** Stats that tell {@code onBytes} of content as it is stored (live progress), not when the item ends. */
    public SyncStats(java.util.function.LongConsumer onBytes) {
        this.onBytes = onBytes;
    }

    /** Content of {@code bytes} read from Graph and stored. */
    void fetched(long bytes) {
        contentFetched.incrementAndGet();
        bytesFetched.addAndGet(bytes);
        onBytes.accept(bytes);
    }

    public long added() {
        return added.get();
    }

    public long changed() {
        return changed.get();
    }

    public long moved() {
        return moved.get();
    }

    public long removed() {
        return removed.get();
    }

    public long unchanged() {
        return unchanged.get();
    }

    /** Items whose content (MIME, attachment, photo) was downloaded. */
    public long contentFetched() {
        return contentFetched.get();
    }

    public long bytesFetched() {
        return bytesFetched.get();
    }

    public long pages() {
        return pages.get();
    }

    /** Collections re-enumerated after Graph said their delta token expired. */
    public long resyncs() {
        return resyncs.get();
    }

    /** Items whose content could not be read this run: reported, and retried next run. */
    public long failed() {
        return failed.get();
    }

    /** Items the run saw and handled (added, changed, moved, removed, unchanged). */
    public long items() {
        return added() + changed() + moved() + removed() + unchanged();
    }

    @Override
    public String toString() {
        return String.format("added=%d changed=%d moved=%d removed=%d unchanged=%d failed=%d contentFetched=%d bytesFetched=%d pages=%d resyncs=%d",
                added(), changed(), moved(), removed(), unchanged(), failed(), contentFetched(), bytesFetched(), pages(), resyncs());
    }
}
