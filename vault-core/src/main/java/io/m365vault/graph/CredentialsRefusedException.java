package io.m365vault.graph;

/**
 * Entra ID or Graph refuses this app's credentials or permissions: no request of the tenant can
 * succeed, so it is not retried and not recorded against one item; the run stops with this one
 * line, which names the setting to look at.
 */
public final class CredentialsRefusedException extends RuntimeException {
    CredentialsRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
