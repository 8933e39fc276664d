package io.m365vault.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C (SIGINT) and SIGTERM for a long command: the JVM's shutdown hook asks the work to stop
 * at its next safe point, interrupts the command's thread, and holds the JVM until the command
 * has finished (its report and last line printed), at most two minutes. An interrupt of the
 * command's thread (in-process use) asks the same.
 */
final class Stopping implements AutoCloseable {
    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final CliEnv env;
    private final Thread hook;

    private Stopping(CliEnv env) {
        this.env = env;
        Thread command = Thread.currentThread();
        this.hook = new Thread(() -> {
            request();
            command.interrupt();
            try {
                finished.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "vault-stop");
    }

    static Stopping onSignals(CliEnv env) {
        Stopping s = new Stopping(env);
        Runtime.getRuntime().addShutdownHook(s.hook);
        return s;
    }

    boolean requested() {
        return requested.get();
    }

    void request() {
        if (requested.compareAndSet(false, true)) {
            env.err().println("vault: stopping at the next safe point; leases are released and the run is marked interrupted");
        }
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and waits for finished
        }
    }
}
