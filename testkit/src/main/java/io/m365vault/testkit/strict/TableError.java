package io.m365vault.testkit.strict;

/** A table service error code and message, before it is framed as a response (plain or in a batch). */
public record TableError(String code, String message) {
    public Refusal refusal() {
        return Refusal.json(400, code, message);
    }
}
