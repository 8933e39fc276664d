package io.m365vault.restore.tenant;

import io.m365vault.backup.ProtectedItem;

/**
 * Where a restore into the tenant goes, for every workload: {@code target} the mailbox or drive (the
 * backed-up item for the original place, another user, site or group for an alternate one; a
 * mailbox's workloads take users only, which {@link RestoreRun} checks), {@code folder} a
 * top-level folder the tree goes under (a calendar name prefix for calendars, which Outlook does
 * not nest; null: the original folders and calendars), {@code skipExisting} to leave out what the
 * target already holds (else it is restored as a duplicate), {@code ledger} what the job wrote before
 * (a job run again after its worker died).
 */
public record TenantRestoreOptions(ProtectedItem target, String folder, boolean skipExisting, Progress progress, RestoreLedger ledger) {
    /** Told after each item, so a job's status can show how far it is. */
    public interface Progress {
        void at(long done, long of, long bytes);
    }

    public TenantRestoreOptions {
        if (folder != null && folder.isBlank()) {
            folder = null;
        }
        progress = progress == null ? (d, o, b) -> { } : progress;
        ledger = ledger == null ? RestoreLedger.NONE : ledger;
    }

    public TenantRestoreOptions(ProtectedItem target, String folder, boolean skipExisting, Progress progress) {
        this(target, folder, skipExisting, progress, null);
    }

    public TenantRestoreOptions(ProtectedItem target, String folder, boolean skipExisting) {
        this(target, folder, skipExisting, null, null);
    }
}
