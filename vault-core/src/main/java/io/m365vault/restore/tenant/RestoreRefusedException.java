package io.m365vault.restore.tenant;

/** A restore that cannot start, or must stop as a whole (no such mailbox, no permission to write it): one line saying why. */
public final class RestoreRefusedException extends RuntimeException {
    public RestoreRefusedException(String message) {
        super(message);
    }
}
