package io.m365vault.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365vault.backup.FaultCase.Fired;
import io.m365vault.backup.FaultCase.Lift;
import io.m365vault.backup.FaultCase.Phase;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.testkit.faults.CallKind;
import io.m365vault.testkit.faults.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The cases of the fault suite. Crash points: the worker killed just before and just after the
 * first, middle and last call of each step of the write order (pack upload, index rows, catalog
 * rows, checkpoints), in a full backup and in an incremental. Storage faults: each kind of call
 * answered 500 or 503, answered too late, reset before storage saw it, or done with its answer
 * lost, once; 503 from then on; and catalog rows never answered again. Graph faults: throttling, errors, expired delta tokens.
 */
final class FaultCases {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<CallKind> WRITE_ORDER = List.of(CallKind.PACK_UPLOAD, CallKind.INDEX_WRITE, CallKind.CATALOG_WRITE,
            CallKind.STATE_WRITE);
    private static final List<CallKind> CALLS = List.of(CallKind.PACK_UPLOAD, CallKind.BLOB_READ, CallKind.INDEX_WRITE,
            CallKind.CATALOG_WRITE, CallKind.STATE_WRITE, CallKind.TABLE_READ);
    private static final List<Fault> TRANSIENT = List.of(Fault.ERROR_500, Fault.ERROR_503, Fault.TIMEOUT, Fault.RESET, Fault.ANSWER_LOST);

    static final String CRASH = "crash points";
    static final String STORAGE = "storage faults";
    static final String GRAPH = "Graph faults";

    private FaultCases() {
    }

    static List<FaultCase> all(Map<Phase, Map<CallKind, Integer>> reference) {
        List<FaultCase> cases = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            for (CallKind kind : WRITE_ORDER) {
                int n = reference.get(phase).get(kind);
                for (int at : n == 0 ? new TreeSet<Integer>() : new TreeSet<>(List.of(1, middle(n), n))) {
                    for (Fault kill : List.of(Fault.KILL_BEFORE, Fault.KILL_AFTER)) {
                        cases.add(crash(phase, kind, at, n, kill, at == n));
                    }
                }
            }
        }
        Map<CallKind, Integer> full = reference.get(Phase.FULL);
        for (CallKind kind : CALLS) {
            int middle = Math.max(1, (full.get(kind) + 1) / 2);
            for (Fault fault : TRANSIENT) {
                cases.add(new FaultCase(STORAGE, fault.name().toLowerCase() + " once on " + kind.name().toLowerCase(), Phase.FULL,
                        (storage, sim, user) -> storage.arm(kind, middle, 1, fault), Lift.NOTHING, Fired.STORAGE));
            }
            cases.add(new FaultCase(STORAGE, "error_503 from then on for " + kind.name().toLowerCase(), Phase.FULL,
                    (storage, sim, user) -> storage.arm(kind, middle, Integer.MAX_VALUE / 2, Fault.ERROR_503), Lift.NOTHING, Fired.STORAGE));
        }
        // Storage that stops answering for good: each try times out, the calls give up, the run ends.
        int catalogMiddle = Math.max(1, (full.get(CallKind.CATALOG_WRITE) + 1) / 2);
        cases.add(new FaultCase(STORAGE, "no answer from then on for catalog_write", Phase.FULL,
                (storage, sim, user) -> storage.arm(CallKind.CATALOG_WRITE, catalogMiddle, Integer.MAX_VALUE / 2, Fault.TIMEOUT),
                Lift.NOTHING, Fired.STORAGE));
        cases.addAll(graph());
        return cases;
    }

    private static int middle(int n) {
        return (n + 1) / 2;
    }

    /** A middle or last crash point that its own run did not reach is tried at the same place of the calls that run made. */
    private static FaultCase crash(Phase phase, CallKind kind, int at, int of, Fault kill, boolean last) {
        String name = "killed " + (kill == Fault.KILL_BEFORE ? "before" : "after") + " " + kind.name().toLowerCase() + " " + at + " of " + of;
        FaultCase.Retarget retarget = at == 1 ? null : calls -> {
            int made = calls.get(kind);
            return made > 0 && made < at ? crash(phase, kind, last ? made : middle(made), made, kill, last) : null;
        };
        return new FaultCase(CRASH, name, phase, (storage, sim, user) -> storage.arm(kind, at, 1, kill), Lift.NOTHING, Fired.STORAGE,
                retarget);
    }

    private static List<FaultCase> graph() {
        Lift calm = sim -> faults(sim, "{\"requestsPerWindow\":0,\"rate503\":0,\"rate504\":0,\"clearInjected\":true}");
        return List.of(
                new FaultCase(GRAPH, "429 storm (6 requests a second per mailbox, Retry-After 1)", Phase.FULL,
                        (storage, sim, user) -> faults(sim, "{\"requestsPerWindow\":6,\"windowSeconds\":1,\"retryAfterSeconds\":1}"), calm,
                        (storage, first, sim) -> sim.stats().path("throttled429").asLong() > 0),
                new FaultCase(GRAPH, "random 503 and 504 (10% and 5%)", Phase.FULL,
                        (storage, sim, user) -> faults(sim, "{\"rate503\":0.1,\"rate504\":0.05,\"retryAfterSeconds\":0}"), calm,
                        (storage, first, sim) -> sim.stats().path("unavailable503").asLong() > 0),
                new FaultCase(GRAPH, "503 for ever on one message's content", Phase.FULL,
                        (storage, sim, user) -> inject(sim, "/messages/" + SimTenant.simMail(sim, user).keySet().iterator().next() + "/$value", 503),
                        calm, (storage, first, sim) -> first.failedItems() > 0),
                new FaultCase(GRAPH, "500 for ever on event attachments", Phase.FULL,
                        (storage, sim, user) -> inject(sim, "/attachments", 500), calm, (storage, first, sim) -> first.failedItems() > 0),
                new FaultCase(GRAPH, "500 for ever on every mail folder's delta", Phase.INCREMENTAL,
                        (storage, sim, user) -> inject(sim, "messages/delta", 500), calm, (storage, first, sim) -> !first.ok()),
                new FaultCase(GRAPH, "410 on every delta token", Phase.INCREMENTAL,
                        (storage, sim, user) -> sim.expireDeltaTokens(), Lift.NOTHING, (storage, first, sim) -> first.resyncs() > 0));
    }

    private static void inject(GraphSim sim, String path, int status) throws Exception {
        faults(sim, "{\"retryAfterSeconds\":0,\"inject\":[{\"path\":\"" + path + "\",\"status\":" + status + ",\"count\":1000000}]}");
    }

    private static void faults(GraphSim sim, String json) throws Exception {
        sim.faults(JSON.readTree(json));
    }
}
