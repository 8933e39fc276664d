package io.m365vault.service;

/**
 * Another worker holds the item's lease (the same message delivered twice, another run, or a
 * killed worker whose lease has not run out): the queue worker throws this so that the host
 * delivers the message again later, when the item is free or already done.
 */
public final class ItemHeldException extends RuntimeException {
    public ItemHeldException(String message) {
        super(message);
    }
}
