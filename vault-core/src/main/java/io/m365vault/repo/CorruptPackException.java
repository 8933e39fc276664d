package io.m365vault.repo;

/** A pack blob whose structure or header cannot be read. */
public final class CorruptPackException extends RepositoryException {
    public CorruptPackException(String packId, String what) {
        super("pack " + packId + " " + what);
    }
}
