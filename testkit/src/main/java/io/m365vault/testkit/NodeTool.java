package io.m365vault.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A tool the tests run from an npm package pinned under {@code tools/<name>} of the checkout
 * (package.json and package-lock.json committed, node_modules ignored), installed by {@code npm ci}
 * on first use, so a fresh clone needs nothing installed by hand.
 */
public final class NodeTool {
    private NodeTool() {
    }

    /**
     * tools/{@code name} of the checkout, found by walking up from the working directory; the
     * system property or environment variable, when set, names it instead.
     */
    public static Path dir(String name, String property, String variable) {
        String configured = System.getProperty(property, System.getenv(variable));
        if (configured != null) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("tools").resolve(name);
            if (Files.isRegularFile(candidate.resolve("package.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("tools/" + name + "/package.json not found above " + Path.of("").toAbsolutePath()
                + "; run from the m365vault checkout or set " + variable);
    }

    /** npm ci in {@code home} unless {@code installed} exists, under a file lock so parallel test JVMs install once. */
    public static void ensureInstalled(Path home, Path installed) {
        if (Files.exists(installed)) {
            return;
        }
        locked(home, () -> {
            if (!Files.exists(installed)) {
                Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                        .directory(home.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                        .start();
                if (npm.waitFor() != 0 || !Files.exists(installed)) {
                    throw new IllegalStateException("npm ci in " + home + " failed (exit " + npm.exitValue()
                            + "); Node 20 and npm must be on the PATH");
                }
            }
            return null;
        });
    }

    /**
     * Runs a set-up command of the tool in {@code home} under the same lock, its errors shown as
     * they come; answers the last line it printed (by convention, what it set up).
     */
    public static String setUp(Path home, String... command) {
        return locked(home, () -> {
            Process p = new ProcessBuilder(command).directory(home.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
            if (p.waitFor() != 0 || out.isEmpty()) {
                throw new IllegalStateException(String.join(" ", command) + " in " + home + " failed (exit " + p.exitValue()
                        + "); its errors are above");
            }
            return out.substring(out.lastIndexOf('\n') + 1);
        });
    }

    private interface Step<T> {
        T run() throws IOException, InterruptedException;
    }

    private static <T> T locked(Path home, Step<T> step) {
        try (FileChannel ch = FileChannel.open(home.resolve(".install.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            return step.run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not set up " + home.getFileName() + " in " + home, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up " + home.getFileName(), e);
        }
    }
}
