package io.m365vault.service;

/** A setting that is missing or malformed; the message is one line naming it, fit to stop start-up. */
public final class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
