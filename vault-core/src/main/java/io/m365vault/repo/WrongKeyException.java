package io.m365vault.repo;

/** The configured KEK is not the one that sealed the repository's keys. */
public final class WrongKeyException extends RepositoryException {
    public WrongKeyException(String kekDescription, String keysId, String reason) {
        super("the key " + kekDescription + " does not open this repository's keys (" + keysId + ")"
                + (reason == null ? "" : ": " + reason));
    }
}
