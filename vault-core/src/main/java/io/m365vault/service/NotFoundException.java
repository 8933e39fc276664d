package io.m365vault.service;

/** Something a request names does not exist (HTTP 404); the message is one line for the caller. */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
