package io.m365vault.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Azurite 3.35.0 as a child process on free loopback ports, in-memory. The npm package is
 * installed on first use from the committed package-lock into tools/azurite/node_modules,
 * so a fresh checkout needs nothing started or installed by hand.
 */
public final class AzuriteProcess implements AutoCloseable {
    /** Azurite's well-known development account key (public, documented by Microsoft). */
    private static final String ACCOUNT = "devstoreaccount1";
    private static final String KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path workDir;
    private final String connectionString;
    private final int blobPort;
    private final int queuePort;
    private final int tablePort;

    private AzuriteProcess(Process process, Path workDir, int blob, int queue, int table) {
        this.process = process;
        this.workDir = workDir;
        this.connectionString = connectionString(blob, queue, table);
        this.blobPort = blob;
        this.queuePort = queue;
        this.tablePort = table;
    }

    /** Starts Azurite, installing it first when the checkout has not got it yet. */
    public static AzuriteProcess start() {
        Path home = installDir();
        ensureInstalled(home);
        int blob = freePort(), queue = freePort(), table = freePort();
        try {
            Path workDir = Files.createTempDirectory("azurite");
            List<String> cmd = new ArrayList<>(List.of(
                    home.resolve("node_modules/.bin/azurite").toString(),
                    "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry", "--silent",
                    "--blobHost", "127.0.0.1", "--blobPort", Integer.toString(blob),
                    "--queueHost", "127.0.0.1", "--queuePort", Integer.toString(queue),
                    "--tableHost", "127.0.0.1", "--tablePort", Integer.toString(table)));
            // In-memory persistence refuses --location; the working directory takes its stray files.
            Process p = new ProcessBuilder(cmd)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("azurite.log").toFile())
                    .start();
            AzuriteProcess azurite = new AzuriteProcess(p, workDir, blob, queue, table);
            Runtime.getRuntime().addShutdownHook(new Thread(azurite::close));
            azurite.awaitPorts(blob, queue, table);
            return azurite;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Azurite from " + home, e);
        }
    }

    /** Azurite's process, for what it costs (the benchmarks count its CPU). */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    public String connectionString() {
        return connectionString;
    }

    public int blobPort() {
        return blobPort;
    }

    public int queuePort() {
        return queuePort;
    }

    public int tablePort() {
        return tablePort;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void awaitPorts(int... ports) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        for (int port : ports) {
            while (!accepts(port)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Azurite exited with " + process.exitValue()
                            + "; its log: " + readLog());
                }
                if (System.nanoTime() > deadline) {
                    close();
                    throw new IllegalStateException("Azurite did not open port " + port + " within "
                            + START_TIMEOUT.toSeconds() + " s; its log: " + readLog());
                }
                sleep(50);
            }
        }
    }

    private String readLog() {
        try {
            return Files.readString(workDir.resolve("azurite.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The development account's connection string for these loopback ports. */
    public static String connectionString(int blob, int queue, int table) {
        String base = "http://127.0.0.1:";
        return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + KEY
                + ";BlobEndpoint=" + base + blob + "/" + ACCOUNT
                + ";QueueEndpoint=" + base + queue + "/" + ACCOUNT
                + ";TableEndpoint=" + base + table + "/" + ACCOUNT + ";";
    }

    /** tools/azurite of the checkout: found by walking up from the working directory. */
    static Path installDir() {
        return NodeTool.dir("azurite", "m365vault.azurite.dir", "M365VAULT_AZURITE_DIR");
    }

    /** npm ci under a file lock, so parallel test JVMs install once. */
    static void ensureInstalled(Path home) {
        NodeTool.ensureInstalled(home, home.resolve("node_modules/.bin/azurite"));
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Azurite", e);
        }
    }
}
