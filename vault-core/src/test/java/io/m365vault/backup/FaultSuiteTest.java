package io.m365vault.backup;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.backup.FaultCase.Phase;
import io.m365vault.repo.StorageAccount;
import io.m365vault.repo.StorageTimeouts;
import io.m365vault.testkit.AzuriteExtension;
import io.m365vault.testkit.faults.CallKind;
import io.m365vault.testkit.faults.FaultPlan;
import io.m365vault.testkit.faults.FaultyStorage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's counted fault injection: every case of {@link FaultCases} against Azurite (behind the
 * strict layer and the fault proxy) and graph-sim, each re-run, verified with read-data and
 * compared with the tenant. Prints the table the README carries; fails on any case that lost or
 * duplicated anything, left the repository unverifiable, did not recover on its re-run, or whose
 * fault never fired.
 */
@ExtendWith(AzuriteExtension.class)
class FaultSuiteTest {
    /** Short, so a late call times out in a second and a call that keeps failing gives up in one more. */
    private static final StorageTimeouts QUICK = new StorageTimeouts(Duration.ofSeconds(2), Duration.ofMillis(1500), 4,
            Duration.ofMillis(50), Duration.ofMillis(400));

    @TempDir
    Path tmp;

    /** Cases at once, each worker with its own proxies and plan: the cases wait on storage and Graph more than on the CPU. */
    private static final int WORKERS = 4;

    @Test
    void noCrashPointOrFaultLosesOrDuplicatesAnything(AzuriteExtension.StorageAccount account) throws Exception {
        List<FaultyStorage> proxies = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            BlockingQueue<FaultRunner> runners = new LinkedBlockingQueue<>();
            for (int i = 0; i < WORKERS; i++) {
                FaultPlan plan = new FaultPlan(Duration.ofMillis(2500));
                FaultyStorage storage = FaultyStorage.inFrontOf(account.connectionString(), plan);
                proxies.add(storage);
                runners.add(new FaultRunner(StorageAccount.of(storage.connectionString(), QUICK), plan, tmp));
            }
            Map<Phase, Map<CallKind, Integer>> reference = runners.peek().reference();
            System.out.println("calls of a clean run: " + reference);
            List<Future<FaultOutcome>> futures = new ArrayList<>();
            // -Dfaults.only=TEXT runs the cases whose group or name holds it (while chasing one).
            String only = System.getProperty("faults.only", "");
            for (FaultCase c : FaultCases.all(reference)) {
                if (!(c.group() + " " + c.name()).contains(only)) {
                    continue;
                }
                futures.add(pool.submit(() -> {
                    FaultRunner runner = runners.take();
                    try {
                        FaultOutcome o = runner.run(c);
                        System.out.println((o.clean() ? "  ok   " : "  FAIL ") + o);
                        return o;
                    } finally {
                        runners.add(runner);
                    }
                }));
            }
            List<FaultOutcome> outcomes = new ArrayList<>();
            for (Future<FaultOutcome> f : futures) {
                outcomes.add(f.get());
            }
            System.out.println(FaultTable.render(outcomes));
            List<FaultOutcome> bad = outcomes.stream().filter(o -> !o.clean()).toList();
            assertTrue(bad.isEmpty(), bad.size() + " of " + outcomes.size() + " cases:\n"
                    + bad.stream().map(FaultOutcome::toString).collect(Collectors.joining("\n")));
        } finally {
            pool.shutdownNow();
            proxies.forEach(FaultyStorage::close);
        }
    }
}
