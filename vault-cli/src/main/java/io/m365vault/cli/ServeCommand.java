package io.m365vault.cli;

import io.m365vault.config.Setting;
import io.m365vault.service.ApiHandler;
import io.m365vault.service.ExportStore;
import io.m365vault.service.InvalidRequestException;
import io.m365vault.service.NotFoundException;
import io.m365vault.service.QueueNames;
import io.m365vault.service.RestoreJob;
import io.m365vault.service.RestoreService;
import io.m365vault.service.ScheduleService;
import io.m365vault.service.VaultServices;
import io.m365vault.service.VaultSettings;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * `vault serve`: the Functions' triggers on this machine, for local testing where no Functions host
 * can run: the VAULT_SCHEDULE timer (ScheduleBackups), the hourly export sweep (ExpireExports), the backup-items and restore-jobs queues
 * (BackupItem, BackupItemPoison, RunRestore) polled on the storage account, and the HTTP API and
 * the web console on localhost. Each calls the same vault-core service the function calls. Runs
 * until stopped.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the Functions' handlers here: the VAULT_SCHEDULE timer, the backup-items and restore-jobs queues,",
                "the HTTP API on http://127.0.0.1:PORT/api and the web console on http://127.0.0.1:PORT/console/. API calls need",
                "the function key (x-functions-key header or code parameter): VAULT_FUNCTION_KEY, or a key generated and printed at",
                "start. Stop with Ctrl-C."})
final class ServeCommand extends RepoCommand {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--port", paramLabel = "N", defaultValue = "7071",
            description = "HTTP port on 127.0.0.1, 0 for any free one (default: ${DEFAULT-VALUE}, the Functions host's)")
    int port;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "queue messages handled at once (default: ${DEFAULT-VALUE}, host.json's batchSize)")
    int parallel;

    /** Counted down to stop (a test, or the JVM's shutdown). */
    private final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw usage("--port must be 0 to 65535, got " + port);
        }
        if (parallel < 1 || parallel > 64) {
            throw usage("--parallel must be 1 to 64, got " + parallel);
        }
        CliEnv env = env();
        PrintStream out = env.out();
        VaultSettings settings = env.settings(VaultSettings.FUNCTIONS);
        FunctionKey key = FunctionKey.from(settings.get(Setting.VAULT_FUNCTION_KEY).orElse(null));
        ExecutorService pumps = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "serve-queue");
            t.setDaemon(true);
            return t;
        });
        Thread hook = new Thread(stop::countDown);
        Runtime.getRuntime().addShutdownHook(hook);
        try (VaultServices vs = VaultServices.open(settings, repo.name);
             LocalApi http = new LocalApi(port, ApiHandler.of(vs), key);
             QueuePump backups = new BackupWorker(vs.backupQueue()).pump(vs.storage(), parallel, r -> { });
             QueuePump restores = restorePump(vs);
             CronTimer timer = new CronTimer(settings.schedule(), () -> schedule(vs.schedule(), settings, env));
             CronTimer sweep = new CronTimer(ExportStore.SWEEP_SCHEDULE, () -> expireExports(vs, env))) {
            pumps.execute(() -> run(backups, env));
            pumps.execute(() -> run(restores, env));
            out.println("serving repository " + repo.name + ": HTTP API " + http.url() + ", web console " + http.consoleUrl()
                    + ", timer '" + settings.schedule() + "' (UTC), queues " + QueueNames.BACKUP_ITEMS + " and " + QueueNames.RESTORE_JOBS
                    + ", export sweep '" + ExportStore.SWEEP_SCHEDULE + "'");
            out.println(key.generated() ? "function key (generated; set VAULT_FUNCTION_KEY to choose one): " + key.value()
                    : "function key: from VAULT_FUNCTION_KEY");
            out.flush();
            stop.await();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            pumps.shutdownNow();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // the JVM is already shutting down
            }
        }
    }

    /** RunRestore: a restore-jobs message to the restore service; a message naming no job is dropped. */
    private static QueuePump restorePump(VaultServices vs) {
        RestoreService restores = vs.restores();
        return new QueuePump(QueueNames.queue(vs.storage(), QueueNames.RESTORE_JOBS),
                QueueNames.queue(vs.storage(), QueueNames.RESTORE_JOBS + QueueNames.POISON_SUFFIX), 1, BackupWorker.MAX_DEQUEUE_COUNT,
                BackupWorker.RETRY_AFTER, QueuePump.IN_FLIGHT,
                (id, text) -> {
                    try {
                        RestoreJob job = restores.run(RestoreService.jobOf(text));
                        LOG.info("restore {}: {}", job.id(), job.state());
                    } catch (InvalidRequestException | NotFoundException e) {
                        LOG.error("restore message dropped id={}: {}", id, e.getMessage());
                    }
                }, (id, text, reason) -> {
                    try {
                        restores.poisoned(RestoreService.jobOf(text), reason);
                    } catch (InvalidRequestException e) {
                        LOG.error("restore poison message dropped id={}: {}", id, e.getMessage());
                    }
                });
    }

    /** ScheduleBackups: plans VAULT_POLICY and queues one message per protected item. */
    private static void schedule(ScheduleService schedule, VaultSettings settings, CliEnv env) {
        try {
            ScheduleService.Scheduled s = schedule.schedule(settings.policy(), "timer");
            env.err().println("timer: run " + s.runId() + ", " + s.enqueued() + " items queued");
        } catch (Exception e) {
            env.err().println("timer: run not started: " + Failures.oneLine(e));
        }
    }

    /** ExpireExports: deletes the exports whose window has ended. */
    private static void expireExports(VaultServices vs, CliEnv env) {
        try {
            int n = vs.restores().expireExports();
            if (n > 0) {
                env.err().println("timer: " + n + " expired exports deleted");
            }
        } catch (RuntimeException e) {
            env.err().println("timer: expired exports not deleted: " + Failures.oneLine(e));
        }
    }

    private static void run(QueuePump pump, CliEnv env) {
        try {
            pump.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            env.err().println("queue worker stopped: " + Failures.oneLine(e));
        }
    }

    void stop() {
        stop.countDown();
    }
}
