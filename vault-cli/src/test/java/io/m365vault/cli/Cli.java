package io.m365vault.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the vault command in this JVM with its own settings and captured output. */
final class Cli {
    private final Map<String, String> env;
    private final Path workDir;

    Cli(Map<String, String> env, Path workDir) {
        this.env = new HashMap<>(env);
        this.workDir = workDir;
    }

    /** One setting as this command line is given it. */
    String env(String name) {
        return env.get(name);
    }

    /** The same settings but one changed (null removes it). */
    Cli with(String name, String value) {
        Cli c = new Cli(env, workDir);
        if (value == null) {
            c.env.remove(name);
        } else {
            c.env.put(name, value);
        }
        return c;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = VaultCommand.run(new CliEnv(env, workDir, o, e), args);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Starts a long-running command (serve) on a thread; {@link Running#stop} interrupts it and gives its result. */
    Running start(String... args) {
        return new Running(this, args);
    }

    static final class Running {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final Thread thread;
        private volatile int code = -1;

        private Running(Cli cli, String[] args) {
            PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
            thread = new Thread(() -> code = VaultCommand.run(new CliEnv(cli.env, cli.workDir, o, e), args), "cli");
            thread.start();
        }

        /** Waits until stdout matches, or fails after {@code seconds} with what the command printed. */
        java.util.regex.Matcher await(java.util.regex.Pattern p, int seconds) throws InterruptedException {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                java.util.regex.Matcher m = p.matcher(out.toString(StandardCharsets.UTF_8));
                if (m.find()) {
                    return m;
                }
                if (!thread.isAlive()) {
                    break;
                }
                Thread.sleep(100);
            }
            throw new AssertionError("no " + p + " in\n" + out.toString(StandardCharsets.UTF_8) + "--- err\n"
                    + err.toString(StandardCharsets.UTF_8));
        }

        Result stop() throws InterruptedException {
            thread.interrupt();
            thread.join(60_000);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    record Result(int code, String out, String err) {
        /** The stderr of a failure: exactly one line. */
        String errorLine() {
            String[] lines = err.strip().split("\n");
            if (lines.length != 1) {
                throw new AssertionError("expected one line on stderr, got:\n" + err);
            }
            return lines[0];
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }
}
