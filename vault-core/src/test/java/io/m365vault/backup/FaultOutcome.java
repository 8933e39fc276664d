package io.m365vault.backup;

import io.m365vault.testkit.faults.CallKind;
import java.util.List;
import java.util.Map;

/**
 * What a fault case left once re-run: items of the tenant missing or different in the backup or
 * its export ({@code lost}), items twice or not in the tenant ({@code duplicated}), and what
 * verify with read-data found wrong; with the calls of each kind the faulted run made.
 */
record FaultOutcome(FaultCase kase, boolean fired, FaultRun first, Map<CallKind, Integer> firstCalls, FaultRun rerun, List<String> lost,
                    List<String> duplicated, List<String> verifyErrors) {
    boolean clean() {
        return fired && rerun.ok() && lost.isEmpty() && duplicated.isEmpty() && verifyErrors.isEmpty();
    }

    @Override
    public String toString() {
        return kase.group() + " / " + kase.name() + " (" + kase.phase() + "): fired " + fired + ", first run " + first.outcome()
                + ", re-run " + rerun.outcome() + ", lost " + lost + ", duplicated " + duplicated + ", verify " + verifyErrors;
    }
}
