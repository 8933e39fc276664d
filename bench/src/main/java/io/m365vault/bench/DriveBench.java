package io.m365vault.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.BackupOptions;
import io.m365vault.backup.ItemBackup;
import io.m365vault.backup.ItemResult.WorkloadResult;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.graph.GraphClients;
import io.m365vault.graph.GraphSettings;
import io.m365vault.graph.TenantGraph;
import io.m365vault.graph.TenantGraphReader;
import io.m365vault.graph.ThrottleConfig;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.repo.FileKek;
import io.m365vault.repo.Repository;
import io.m365vault.repo.StorageAccount;
import io.m365vault.testkit.AzuriteProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * End to end for the files workload: graph-sim mirrors DIR into folder "Imported" of its first
 * user's OneDrive ({@code drive-dir}), and one full backup of that user's files runs through
 * graph-sim over HTTP and the engine into a new repository on Azurite (a plain in-memory
 * {@link AzuriteProcess}: no strict proxy, which checks requests and would only add its own cost).
 * Prints one JSON line.
 *
 * <p>The sim's per-drive limits (concurrency, request budget) and latency are off: the figure is
 * the engine's throughput against restic reading the same directory, not Graph's throttling.
 * The drive holds DIR's files only ({@code files-per-drive 0}). {@code seconds} is the backup
 * run alone (Azurite, graph-sim and repository init are outside it).
 *
 * <p>graph-sim's quickXorHash of every file is computed before the timed run ({@link SimHashes});
 * {@code --sim-hashes-in-timing} leaves it inside, as the first figures were taken.
 *
 * <p>The CPU of the timed run is split by whose it is ({@link CpuShares}): the engine's threads,
 * graph-sim's, the JIT's, GC and VM threads', and Azurite's process. In a deployment only the
 * engine's (and the JVM's) share runs on the backup's machine.
 *
 * <p>{@code --in-memory-repo} is for diagnosis: the repository in this JVM's memory instead of
 * Azurite, so the difference is what Azurite's round trips cost (stored figures are then -1).
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.m365vault.bench.DriveBench [--sim-hashes-in-timing] [--in-memory-repo] DIR}
 */
public final class DriveBench {
    private DriveBench() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> flags = Set.of(Arrays.copyOf(args, Math.max(0, args.length - 1)));
        boolean hashesInTiming = flags.contains("--sim-hashes-in-timing");
        boolean inMemory = flags.contains("--in-memory-repo");
        if (args.length == 0 || !Set.of("--sim-hashes-in-timing", "--in-memory-repo").containsAll(flags)) {
            System.err.println("usage: DriveBench [--sim-hashes-in-timing] [--in-memory-repo] DIR");
            System.exit(2);
        }
        Path dir = Path.of(args[args.length - 1]).toAbsolutePath();
        long[] tree = tree(dir);
        try (AzuriteProcess azurite = inMemory ? null : AzuriteProcess.start();
             GraphSim sim = GraphSim.builder().seed(13).users(6).filesPerDrive(0)
                     .set("drive-dir", dir.toString())
                     .set("mailbox-concurrency", "0").set("requests-per-window", "0")
                     .build().start();
             TenantGraph graph = GraphClients.create(GraphSettings.anonymous(sim.baseUrl()), ThrottleConfig.defaults())) {
            // DirImporter fills user 0's drive by default; user 0 is always a normal user with a OneDrive.
            String user = sim.tenant().directory().user(0).id;
            if (!hashesInTiming) {
                SimHashes.prime(sim, sim.tenant().userDriveId(user));
            }
            StorageAccount account = inMemory ? null : StorageAccount.of(azurite.connectionString());
            Path kek = Files.createTempDirectory("drivebench").resolve("kek");
            try (Repository repo = inMemory ? Repository.inMemory() : Repository.init(account, "drivebench", FileKek.create(kek))) {
                ItemBackup backup = new ItemBackup(repo, new TenantGraphReader(graph, 200), BackupOptions.DEFAULTS);
                JsonNode before = sim.stats();
                HeapPeak heap = HeapPeak.start();
                CpuShares cpu = CpuShares.start(inMemory ? null : azurite.handle());
                long start = System.nanoTime();
                WorkloadResult r = backup.run("drivebench", Instant.now(), new ProtectedItem("user", user), Set.of(Workload.FILES))
                        .workloads().get(Workload.FILES);
                double seconds = (System.nanoTime() - start) / 1e9;
                HeapPeak.Peaks peaks = heap.stop();
                CpuShares.Shares shares = cpu.stop();
                JsonNode after = sim.stats();
                StoredBytes stored = inMemory ? new StoredBytes(-1, -1, -1) : StoredBytes.of(account.blobs().getBlobContainerClient(repo.name()));
                System.out.println(String.format(Locale.ROOT,
                        "{\"outcome\":\"%s\",\"simHashesInTiming\":%b,\"inMemoryRepo\":%b,\"files\":%d,\"bytes\":%d,\"seconds\":%.3f,\"mibPerSec\":%.1f,"
                                + "\"packBytes\":%d,\"containerBytes\":%d,\"blobs\":%d,\"graphRequests\":%d,\"downloads\":%d,"
                                + "\"contentFetched\":%d,\"failed\":%d,\"peakHeapSampledMiB\":%.1f,\"liveHeapAfterMajorGcMiB\":%.1f,"
                                + "\"heapPoolPeaksMiB\":%.1f,\"maxHeapMiB\":%.1f,"
                                + "\"cpuEngine\":%.2f,\"cpuGraphSim\":%.2f,\"cpuJit\":%.2f,\"cpuGcVm\":%.2f,\"cpuAzurite\":%.2f}",
                        r.outcome(), hashesInTiming, inMemory, tree[0], tree[1], seconds, tree[1] / seconds / (1 << 20),
                        stored.packs(), stored.all(), stored.blobs(),
                        after.path("requests").asLong() - before.path("requests").asLong(),
                        after.path("downloads").asLong() - before.path("downloads").asLong(),
                        r.stats().contentFetched(), r.stats().failed(),
                        mib(peaks.sampled()), mib(peaks.afterGc()), mib(peaks.poolPeaks()), mib(Runtime.getRuntime().maxMemory()),
                        shares.engine(), shares.graphSim(), shares.jit(), shares.gcAndVm(), shares.azurite()));
                if (r.outcome() != WorkloadResult.Outcome.DONE) {
                    System.err.println("backup not done: " + r.reason() + " " + r.faults());
                    System.exit(1);
                }
            }
        }
    }

    /** Regular files under DIR and their bytes, counted as graph-sim's importer mirrors them (links not followed). */
    private static long[] tree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            long[] t = new long[2];
            s.filter(Files::isRegularFile).forEach(p -> {
                t[0]++;
                try {
                    t[1] += Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double mib(long bytes) {
        return bytes < 0 ? -1 : bytes / (double) (1 << 20);
    }
}
