package io.m365vault.restore.tenant;

/**
 * What one restore job has already written, item by item, so a run of the job again after its
 * worker died resumes instead of writing those items twice. An item is recorded once its writes
 * are done; the items in flight when a worker dies (at most {@link RestoreRun#IN_FLIGHT} per
 * workload) are not, and are written again.
 */
public interface RestoreLedger {
    /** A restore that keeps no ledger: every item is written. */
    RestoreLedger NONE = new RestoreLedger() {
        @Override
        public long written(String workload, String item) {
            return -1;
        }

        @Override
        public void wrote(String workload, String item, long bytes) {
        }
    };

    /** The bytes an earlier attempt restored of the item, or -1 when it did not. */
    long written(String workload, String item);

    /** Records the item as restored, with the bytes of the repository's content it took. */
    void wrote(String workload, String item, long bytes);
}
