package io.m365vault.backup;

import io.m365vault.graphsim.GraphSim;
import io.m365vault.testkit.faults.FaultPlan;

/**
 * One case of the fault suite: in which run the fault strikes (the full backup or the
 * incremental after a change), how it is armed, how it is lifted for the re-run, and how to
 * tell it struck at all (a case whose fault never fired proves nothing).
 */
record FaultCase(String group, String name, Phase phase, Arm arm, Lift lift, Fired fired, Retarget retarget) {
    FaultCase(String group, String name, Phase phase, Arm arm, Lift lift, Fired fired) {
        this(group, name, phase, arm, lift, fired, null);
    }

    enum Phase { FULL, INCREMENTAL }

    @FunctionalInterface
    interface Arm {
        void apply(FaultPlan storage, GraphSim sim, String user) throws Exception;
    }

    @FunctionalInterface
    interface Lift {
        void apply(GraphSim sim) throws Exception;

        Lift NOTHING = sim -> { };
    }

    /**
     * A crash point at the middle or last call of a kind: a run may make fewer calls than the
     * reference did (commits also fall due by time; the index's partitions, and so its
     * transactions, follow each repository's own keys), so a case that did not fire is tried again
     * at the same place among the calls its own run made.
     */
    @FunctionalInterface
    interface Retarget {
        FaultCase at(java.util.Map<io.m365vault.testkit.faults.CallKind, Integer> calls);
    }

    @FunctionalInterface
    interface Fired {
        boolean test(FaultPlan storage, FaultRun first, GraphSim sim);

        /** The storage fault hit at least one call. */
        Fired STORAGE = (storage, first, sim) -> storage.hits() > 0;
    }
}
