package io.m365vault.testkit.faults;

/** What an armed {@link FaultPlan} does to the calls it hits. */
public enum Fault {
    /** 500 InternalError: storage did nothing. */
    ERROR_500,
    /** 503 ServerBusy: storage did nothing. */
    ERROR_503,
    /** Storage does the call after the client's timeout: the client retries a call that will also happen. */
    TIMEOUT,
    /** The connection closes before the call reaches storage. */
    RESET,
    /** Storage does the call; the connection closes before the answer gets back. */
    ANSWER_LOST,
    /** The worker dies just before this call: it and every later call never reach storage. */
    KILL_BEFORE,
    /** The worker dies just after this call reached storage: nothing later does. */
    KILL_AFTER
}
