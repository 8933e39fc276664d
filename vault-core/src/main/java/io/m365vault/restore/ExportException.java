package io.m365vault.restore;

/** An export that cannot start or finish; the message is the one line a user sees. */
public final class ExportException extends RuntimeException {
    public ExportException(String message) {
        super(message);
    }

    public ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
