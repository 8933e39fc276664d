package io.m365vault.repo;

/**
 * A writer session's guard refused a commit (for a backup: the worker lost the item's lease), so
 * nothing more of the session was made durable. The work is to be dropped, not retried here.
 */
public final class CommitRefusedException extends RepositoryException {
    public CommitRefusedException(RuntimeException reason) {
        super("commit refused: " + reason.getMessage(), reason);
    }
}
