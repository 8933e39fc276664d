package io.m365vault.backup;

import io.m365vault.graph.GraphClients;
import io.m365vault.graph.GraphReader;
import io.m365vault.graph.GraphSettings;
import io.m365vault.graph.TenantGraphReader;
import io.m365vault.graph.ThrottleConfig;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.repo.FileKek;
import io.m365vault.repo.Kek;
import io.m365vault.repo.Repository;
import io.m365vault.repo.StorageAccount;
import io.m365vault.testkit.faults.CallKind;
import io.m365vault.testkit.faults.FaultPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one fault case the way it happens in production: a fresh repository and the same small
 * tenant each time; for an incremental case a clean full backup and a change first; then the run
 * the fault strikes (a killed worker's repository is dropped, never closed cleanly), a re-run by
 * a new worker with nothing armed, and the verdict of {@link FaultCheck}.
 */
final class FaultRunner {
    private static final Set<Workload> EXCHANGE = Set.of(Workload.MAIL, Workload.CALENDAR, Workload.CONTACTS);
    private static final AtomicInteger REPOS = new AtomicInteger();

    private final StorageAccount storage;
    private final FaultPlan plan;
    private final Path tmp;

    FaultRunner(StorageAccount storage, FaultPlan plan, Path tmp) {
        this.storage = storage;
        this.plan = plan;
        this.tmp = tmp;
    }

    /** The same tenant for every case: a few messages per folder (none large), events with attachments, contacts. */
    static GraphSim tenant() throws Exception {
        return GraphSim.builder().seed(71).users(2).messagesPerFolder(2).config(c -> c.largeMessageMb = 0).build().start();
    }

    private static void change(GraphSim sim) {
        sim.mutate(72, 0.3, "messages", "contacts", "events");
    }

    /** A fresh repository, and the tenant it backs up, for one case. */
    private final class Fresh {
        final GraphSim sim;
        final String user;
        final String name = newRepo();
        final Kek kek = kek(name);
        final Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        Fresh(GraphSim sim) {
            this.sim = sim;
            this.user = SimTenant.mailUser(sim);
        }

        FaultRun backup(String runId, Instant t) {
            return run(name, kek, runId, t, sim, user);
        }
    }

    /** Calls of each kind that a clean full backup and a clean incremental make: where the crash points are. */
    Map<FaultCase.Phase, Map<CallKind, Integer>> reference() throws Exception {
        Map<FaultCase.Phase, Map<CallKind, Integer>> out = new EnumMap<>(FaultCase.Phase.class);
        plan.disarm();
        try (GraphSim sim = tenant()) {
            Fresh f = new Fresh(sim);
            plan.disarm();
            f.backup("ref1", f.start);
            out.put(FaultCase.Phase.FULL, plan.counts());
            change(sim);
            plan.disarm();
            f.backup("ref2", f.start.plusSeconds(60));
            out.put(FaultCase.Phase.INCREMENTAL, plan.counts());
        }
        return out;
    }

    /** Runs the case; a crash point that did not fire runs again (up to 3 times) at its place among the calls its run made. */
    FaultOutcome run(FaultCase kase) throws Exception {
        FaultOutcome o = runOnce(kase);
        for (int tries = 0; tries < 3 && !o.fired() && o.kase().retarget() != null; tries++) {
            FaultCase again = o.kase().retarget().at(o.firstCalls());
            if (again == null) {
                break;
            }
            o = runOnce(again);
        }
        return o;
    }

    private FaultOutcome runOnce(FaultCase kase) throws Exception {
        plan.disarm();
        try (GraphSim sim = tenant()) {
            Fresh f = new Fresh(sim);
            Instant t = f.start;
            if (kase.phase() == FaultCase.Phase.INCREMENTAL) {
                f.backup("r0", t);
                change(sim);
                t = t.plusSeconds(60);
            }
            kase.arm().apply(plan, sim, f.user);
            FaultRun first = f.backup("r1", t);
            Map<CallKind, Integer> firstCalls = plan.counts();
            boolean fired = kase.fired().test(plan, first, sim);
            plan.disarm();
            kase.lift().apply(sim);
            Instant rerunTime = t.plusSeconds(60);
            FaultRun rerun = f.backup("r2", rerunTime);
            try (Repository repo = Repository.open(storage, f.name, f.kek)) {
                return FaultCheck.of(kase, fired, first, firstCalls, rerun, repo, sim, f.user, rerunTime, tmp.resolve(f.name + "-export"));
            }
        }
    }

    /** One worker's run: it opens the repository, backs up, and is gone; a run the fault kills leaves its repository as it fell. */
    private FaultRun run(String name, Kek kek, String runId, Instant t, GraphSim sim, String user) {
        Repository repo;
        try {
            repo = Repository.open(storage, name, kek);
        } catch (RuntimeException e) {
            return FaultRun.threw(e);
        }
        try {
            FaultRun r = FaultRun.of(new ItemBackup(repo, reader(sim), BackupOptions.DEFAULTS).run(runId, t, new ProtectedItem("user", user), EXCHANGE));
            repo.close();
            return r;
        } catch (RuntimeException e) {
            return FaultRun.threw(e);
        }
    }

    /** Graph retries kept short: a fault that outlasts them does so in milliseconds (Retry-After is still honoured). */
    private static GraphReader reader(GraphSim sim) {
        ThrottleConfig fast = ThrottleConfig.defaults().withBackoff(Duration.ofMillis(5), Duration.ofMillis(50)).withMaxAttempts(4);
        return new TenantGraphReader(GraphClients.create(GraphSettings.anonymous(sim.baseUrl()), fast), 10);
    }

    private String newRepo() {
        String name = "fi" + Long.toString(System.currentTimeMillis(), 36) + REPOS.incrementAndGet();
        Repository.init(storage, name, kek(name)).close();
        return name;
    }

    private Kek kek(String name) {
        Path file = tmp.resolve(name + ".kek");
        try {
            return java.nio.file.Files.exists(file) ? FileKek.load(file) : FileKek.create(file);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
