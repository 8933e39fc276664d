package io.m365vault.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress of long work on stderr: items done of the total, bytes, rate and ETA. On a terminal
 * the line is redrawn in place each second; otherwise a line every few seconds, so a log of it
 * stays short.
 */
final class Progress implements AutoCloseable {
    private final PrintStream err;
    private final String what;
    private final boolean terminal;
    private final long started = System.nanoTime();
    private final AtomicLong total;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final ScheduledExecutorService ticker;
    /** Work was planned, reported or printed: only then does closing print the last line. */
    private volatile boolean heard;

    Progress(PrintStream err, String what, long totalItems, boolean terminal) {
        this.err = err;
        this.what = what;
        this.total = new AtomicLong(totalItems);
        // Work with a known size has begun: its last line is printed whatever is heard.
        this.heard = totalItems > 0;
        this.terminal = terminal;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
        });
        long period = terminal ? 1 : 5;
        ticker.scheduleAtFixedRate(this::print, period, period, TimeUnit.SECONDS);
    }

    /** Progress on the CLI's stderr, redrawn in place when stderr is a terminal. */
    static Progress of(CliEnv env, String what, long totalItems) {
        return new Progress(env.err(), what, totalItems, env.err() == System.err && System.console() != null);
    }

    void add(long items, long byteCount) {
        heard = true;
        done.addAndGet(items);
        bytes.addAndGet(byteCount);
    }

    /** For sources that report running totals. */
    void set(long itemsDone, long itemsTotal, long byteCount) {
        heard = true;
        done.set(itemsDone);
        total.set(itemsTotal);
        bytes.set(byteCount);
    }

    String line() {
        double secs = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        long d = done.get();
        long t = total.get();
        long b = bytes.get();
        StringBuilder s = new StringBuilder(what).append(": ").append(d);
        if (t > 0) {
            s.append('/').append(t);
        }
        s.append(" items, ").append(Sizes.bytes(b)).append(", ").append(Sizes.bytes((long) (b / secs))).append("/s");
        if (t > 0 && d > 0 && d < t) {
            s.append(", ETA ").append(Sizes.duration(Duration.ofMillis((long) (secs * 1000 * (t - d) / d))));
        }
        s.append(", ").append(Sizes.duration(Duration.ofMillis((long) (secs * 1000))));
        return s.toString();
    }

    private synchronized void print() {
        heard = true;
        if (terminal) {
            err.print("\r" + line() + "\u001b[K");
        } else {
            err.println(line());
        }
        err.flush();
    }

    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        if (!heard) {
            return; // nothing began (a refused target, say): the error line stands alone
        }
        if (terminal) {
            err.print("\r" + line() + "\u001b[K\n");
        } else {
            err.println(line());
        }
        err.flush();
    }
}
