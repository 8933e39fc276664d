package io.m365vault.repo;

/** A repository that cannot be used as asked; the message is the one line a user sees. */
public class RepositoryException extends RuntimeException {
    public RepositoryException(String message) {
        super(message);
    }

    public RepositoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
