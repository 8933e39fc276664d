package io.m365vault.restore.tenant;

import io.m365vault.backup.ProtectedItem;

/**
 * Where a mail restore goes: {@code target} the mailbox (the backed-up one for the original place,
 * another user for an alternate one), {@code folder} a top-level folder the tree goes under (null:
 * the original folder names at the top of the mailbox), {@code skipExisting} to leave out messages
 * whose internetMessageId the target folder already holds (else they are restored as duplicates).
 */
public record MailRestoreOptions(ProtectedItem target, String folder, boolean skipExisting, Progress progress) {
    /** Told after each message, so a job's status can show how far it is. */
    public interface Progress {
        void at(long done, long of, long bytes);
    }

    public MailRestoreOptions {
        if (!"user".equals(target.kind())) {
            throw new IllegalArgumentException("mail restores into a user's mailbox, not " + target);
        }
        if (folder != null && folder.isBlank()) {
            folder = null;
        }
        progress = progress == null ? (d, o, b) -> { } : progress;
    }

    public MailRestoreOptions(ProtectedItem target, String folder, boolean skipExisting) {
        this(target, folder, skipExisting, null);
    }
}
