package io.m365vault.repo;

/** A key blob that the right key cannot open: truncated, altered or not a key blob at all. */
public final class CorruptKeysException extends RepositoryException {
    public CorruptKeysException(String what) {
        super("the repository's key blob is corrupt: " + what);
    }

    public CorruptKeysException(String what, Throwable cause) {
        super("the repository's key blob is corrupt: " + what, cause);
    }
}
