package io.m365vault.testkit.strict;

import java.time.Duration;

/**
 * What the proxy does with one request. The strict layer only forwards or refuses; fault
 * injection also answers late, drops the connection before the request reaches storage, or
 * lets storage do the request and drops the connection before its answer gets back.
 */
public sealed interface ProxyStep {
    ProxyStep FORWARD = new Forward();

    /** Storage gets the request and its answer goes back. */
    record Forward() implements ProxyStep { }

    /** Storage never sees the request; the client gets this answer. */
    record Refuse(Refusal refusal) implements ProxyStep { }

    /** Storage does the request after this long, long after a client with a shorter timeout gave up on it. */
    record Late(Duration delay) implements ProxyStep { }

    /** The connection closes before the request reaches storage. */
    record Drop() implements ProxyStep { }

    /** Storage does the request; the connection closes before the answer gets back. */
    record DropAnswer() implements ProxyStep { }
}
