package io.m365vault.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Whose CPU a run used, on one machine where graph-sim and Azurite stand in for services that in
 * a deployment run elsewhere: the engine's threads, graph-sim's, the JIT compilers', GC and VM
 * threads, and Azurite's process. Read from {@code /proc/self/task} (Linux; every figure is -1
 * elsewhere), sampled every 100 ms so that threads that end mid-run still count, up to their
 * last sample. Thread names are the kernel's, cut at 15 characters.
 */
final class CpuShares {
    record Shares(double engine, double graphSim, double jit, double gcAndVm, double azurite) {
    }

    private static final Path TASKS = Path.of("/proc/self/task");
    /** Clock ticks per second of /proc's utime and stime: 100 on every Linux this runs on. */
    private static final double TICKS = 100.0;

    private final Map<String, Long> start = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, Long> last = new HashMap<>();
    private final ProcessHandle azurite;
    private final Duration azuriteStart;
    private final Thread sampler;
    private volatile boolean running = true;

    private CpuShares(ProcessHandle azurite) {
        this.azurite = azurite;
        this.azuriteStart = azurite == null ? null : azurite.info().totalCpuDuration().orElse(null);
        read(start::put);
        sampler = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "cpu-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts counting now; {@code azurite} is its process, or null when the run has none. */
    static CpuShares start(ProcessHandle azurite) {
        return new CpuShares(azurite);
    }

    Shares stop() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join();
        sample();
        if (!Files.isDirectory(TASKS)) {
            return new Shares(-1, -1, -1, -1, -1);
        }
        Map<String, Double> by = new HashMap<>();
        last.forEach((tid, ticks) -> {
            long before = start.getOrDefault(tid, 0L);
            by.merge(group(names.get(tid)), (ticks - before) / TICKS, Double::sum);
        });
        double az = -1;
        if (azurite != null && azuriteStart != null) {
            az = azurite.info().totalCpuDuration().map(d -> d.minus(azuriteStart).toMillis() / 1000.0).orElse(-1.0);
        }
        return new Shares(by.getOrDefault("engine", 0.0), by.getOrDefault("graph-sim", 0.0), by.getOrDefault("jit", 0.0),
                by.getOrDefault("gc+vm", 0.0), az);
    }

    private synchronized void sample() {
        read((tid, ticks) -> last.put(tid, ticks));
    }

    /** graph-sim's pools and the JDK server's dispatcher (only graph-sim runs one in the bench). */
    private static String group(String name) {
        if (name.startsWith("graph-sim") || name.equals("HTTP-Dispatcher")) {
            return "graph-sim";
        }
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
            return "jit";
        }
        if (name.startsWith("GC Thread") || name.startsWith("VM ") || name.startsWith("G1 ") || name.equals("cpu-sampler")
                || name.equals("heap-sampler")) {
            return "gc+vm"; // and the bench's own samplers
        }
        return "engine";
    }

    @FunctionalInterface
    private interface TaskTicks {
        void accept(String tid, long ticks);
    }

    private void read(TaskTicks out) {
        if (!Files.isDirectory(TASKS)) {
            return;
        }
        try (Stream<Path> tasks = Files.list(TASKS)) {
            tasks.forEach(t -> {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    // After the name: state is field 3 of stat(5), utime 14 and stime 15.
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    String tid = t.getFileName().toString();
                    names.put(tid, name);
                    out.accept(tid, ticks);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended between the listing and the read: its last sample stands
                }
            });
        } catch (IOException e) {
            // no /proc: the figures stay -1
        }
    }
}
