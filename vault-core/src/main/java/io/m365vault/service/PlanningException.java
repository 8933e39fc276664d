package io.m365vault.service;

/** The tenant could not be enumerated; the message is one line. */
public final class PlanningException extends RuntimeException {
    public PlanningException(String message, Throwable cause) {
        super(message, cause);
    }
}
