package io.m365vault.backup;

/**
 * One item a run could not back up: which collection and item, and why. The rest of the run
 * goes on; the item is retried next run from the workload's list of failed items.
 */
public record ItemFault(String collection, String kind, String itemId, String reason) {
    @Override
    public String toString() {
        return kind + " " + itemId + ": " + reason;
    }
}
