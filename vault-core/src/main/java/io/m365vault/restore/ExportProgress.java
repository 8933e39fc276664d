package io.m365vault.restore;

/** Told after each item: how many of the items are done and how many content bytes were written. */
@FunctionalInterface
public interface ExportProgress {
    ExportProgress NONE = (done, total, bytes) -> { };

    void update(long itemsDone, long itemsTotal, long bytesWritten);
}
