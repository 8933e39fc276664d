package io.m365vault.cli;

import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.graph.CredentialsRefusedException;
import io.m365vault.service.BackupItemService;
import io.m365vault.service.Inventory;
import io.m365vault.service.ItemState;
import io.m365vault.service.ItemStatus;
import io.m365vault.service.Plan;
import io.m365vault.service.PlannedItem;
import io.m365vault.service.RunStore;
import io.m365vault.service.TimeIds;
import io.m365vault.service.VaultServices;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * `vault backup`: one run, its protected items backed up in parallel in this process by the
 * queue worker's own {@link BackupItemService} (lease, backup, per-item status).
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Back up protected items now, N at a time, as one run (see `vault runs`).",
                "Without ITEM, the items VAULT_POLICY selects in the tenant."})
final class BackupCommand extends RepoCommand {
    /** Strings, converted in {@link #call}: picocli reports a bad value of a list as "unmatched", which says less. */
    @Parameters(paramLabel = "ITEM", arity = "0..*",
            description = "user:<id or UPN> (mailbox, OneDrive), site:<id> or group:<id> (the group's files)")
    List<String> itemNames = new ArrayList<>();

    private final List<ProtectedItem> items = new ArrayList<>();

    @Option(names = "--workloads", split = ",", paramLabel = "W", converter = Converters.WorkloadName.class,
            description = "only these of mail,calendar,contacts,files,lists,pages (default: every workload the item has)")
    Set<Workload> workloads = EnumSet.noneOf(Workload.class);

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "protected items backed up at once (default: ${DEFAULT-VALUE})")
    int parallel;

    @Override
    public Integer call() throws Exception {
        if (parallel < 1 || parallel > 256) {
            throw usage("--parallel must be 1 to 256, got " + parallel);
        }
        for (String name : itemNames) {
            try {
                items.add(ProtectedItem.parse(name));
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        }
        CliEnv env = env();
        // Ctrl-C (SIGINT) or SIGTERM waits for this command to finish, its report and last line included.
        try (Stopping stopping = Stopping.onSignals(env); VaultServices vs = open()) {
            Plan plan = plan(vs);
            if (plan.items().isEmpty()) {
                throw new IllegalStateException("nothing to back up: no protected item has any of the workloads asked");
            }
            plan.warnings().forEach(w -> env.err().println("warning: " + w));
            Instant now = Instant.now();
            String runId = TimeIds.next(now);
            RunStore runs = vs.runs();
            runs.create(runId, now, "cli", plan);
            env.err().println("run " + runId + ": " + plan.items().size() + " protected items, " + parallel + " at a time");
            AtomicReference<RuntimeException> firstError = new AtomicReference<>();
            List<ItemStatus> done = runAll(env, vs.backupItems(), runId, plan.items(), stopping, firstError);
            new RunReport(env.out(), new Inventory(vs.repo().state()).names()).items(done);
            if (firstError.get() != null) {
                // The run has ended (failed, the rest interrupted or done); its cause is the last line.
                throw firstError.get();
            }
            long interrupted = done.stream().filter(s -> s.state() == ItemState.INTERRUPTED).count();
            if (interrupted > 0) {
                // Printed here, not by the caller: a signal's shutdown hook waits for this command, not for its caller.
                env.err().println("vault: run " + runId + " interrupted: " + (done.size() - interrupted) + " of " + done.size()
                        + " protected items finished; what was committed stays, and the next `vault backup` resumes the rest");
                return 1;
            }
            long failed = done.stream().filter(s -> s.state() == ItemState.FAILED).count();
            if (failed > 0) {
                throw new IllegalStateException(failed + " of " + done.size() + " protected items failed in run " + runId
                        + "; see `vault runs " + runId + "`");
            }
            long failedItems = done.stream().mapToLong(s -> s.failedItems().size()).sum();
            env.out().println("run " + runId + " done" + (failedItems == 0 ? ""
                    : ", " + failedItems + " items failed (retried next run); see `vault runs " + runId + "`"));
            return 0;
        }
    }

    private Plan plan(VaultServices vs) throws Exception {
        if (items.isEmpty()) {
            Plan p = vs.planner().plan(vs.settings().policy());
            List<PlannedItem> kept = new ArrayList<>();
            for (PlannedItem i : p.items()) {
                Set<Workload> w = chosen(i.workloads());
                if (!w.isEmpty()) {
                    kept.add(new PlannedItem(i.item(), w));
                }
            }
            return new Plan(kept, p.warnings());
        }
        List<PlannedItem> planned = new ArrayList<>();
        for (ProtectedItem item : items) {
            Set<Workload> w = chosen(ItemNames.workloads(item));
            if (w.isEmpty()) {
                throw usage(item + " has none of the workloads asked; it has "
                        + ItemNames.workloads(item).stream().map(Workload::id).sorted().toList());
            }
            planned.add(new PlannedItem(io.m365vault.service.ItemLookup.inTenant(vs.graph(), item), w));
        }
        return new Plan(planned, List.of());
    }

    private Set<Workload> chosen(Set<Workload> of) {
        Set<Workload> w = EnumSet.noneOf(Workload.class);
        w.addAll(of);
        if (!workloads.isEmpty()) {
            w.retainAll(workloads);
        }
        return w;
    }

    /**
     * Backs up the items, {@code parallel} at a time. Ctrl-C (SIGINT, SIGTERM) or an interrupt of
     * this thread asks every item to stop at its next commit, so leases are released and every
     * item gets a true state (interrupted, or not started) before the process ends. An item whose
     * attempt throws ends failed; the first such error is kept for the command's last line.
     */
    private List<ItemStatus> runAll(CliEnv env, BackupItemService service, String runId, List<PlannedItem> planned,
                                    Stopping stopping, AtomicReference<RuntimeException> firstError) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, planned.size()));
        try (Progress progress = Progress.of(env, "backup", planned.size())) {
            List<Future<ItemStatus>> futures = new ArrayList<>();
            for (PlannedItem p : planned) {
                futures.add(pool.submit(() -> {
                    // Bytes count as they are stored, so a long mailbox shows progress before it ends.
                    BackupItemService.Result r;
                    try {
                        r = service.backup(runId, p, BackupItemService.WhenHeld.RECORD, stopping::requested, n -> progress.add(0, n));
                    } catch (RuntimeException e) {
                        // Nothing retries an item of this command: it ends failed with why, and the run ends with it.
                        firstError.compareAndSet(null, e);
                        if (e instanceof CredentialsRefusedException && planned.size() > 1) {
                            stopping.request(); // every other item would be refused the same way
                        }
                        progress.add(1, 0);
                        return service.failed(runId, p, e);
                    }
                    ItemStatus s = r.status().orElseThrow(() -> new IllegalStateException(p.item() + ": " + r.message()));
                    progress.add(1, 0);
                    return s;
                }));
            }
            List<ItemStatus> out = new ArrayList<>();
            for (Future<ItemStatus> f : futures) {
                out.add(await(f, stopping));
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    /** The item's status; an interrupt asks every item to stop and waits for this one to get there. */
    private static ItemStatus await(Future<ItemStatus> f, Stopping stopping) throws Exception {
        while (true) {
            try {
                return f.get();
            } catch (InterruptedException e) {
                stopping.request();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof Exception ex ? ex : e;
            }
        }
    }
}
