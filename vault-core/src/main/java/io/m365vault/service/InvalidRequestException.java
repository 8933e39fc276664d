package io.m365vault.service;

/** A request that cannot be accepted as sent (HTTP 400); the message is one line for the caller. */
public final class InvalidRequestException extends RuntimeException {
    public InvalidRequestException(String message) {
        super(message);
    }
}
