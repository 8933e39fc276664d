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
