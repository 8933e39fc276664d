package io.m365vault.graphsim.http;

import java.util.Map;

/** Answers one route; {@code params} holds the {name} captures of the route's pattern. */
@FunctionalInterface
public interface Handler {
    Res handle(Req req, Map<String, String> params);
}
