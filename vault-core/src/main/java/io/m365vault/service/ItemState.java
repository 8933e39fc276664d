package io.m365vault.service;

import java.util.Locale;

/** Where one protected item stands in a run. */
public enum ItemState {
    QUEUED, RUNNING, DONE, FAILED, SKIPPED,
    /** The queue gave up on its message after the host's retries: it sits in the poison queue. */
    POISON,
    /** Stopped by the operator (Ctrl-C) at a safe point: what was committed stays, the next run resumes. */
    INTERRUPTED;

    /** A state no further message of the same run changes (but a poisoned item may be run again by hand). */
    public boolean terminal() {
        return this == DONE || this == FAILED || this == SKIPPED || this == INTERRUPTED;
    }

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ItemState parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
