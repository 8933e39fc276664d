package io.m365vault.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import io.m365vault.graphsim.model.SimUser;
import io.m365vault.repo.FileKek;
import io.m365vault.repo.Repository;
import io.m365vault.repo.StorageAccount;
import io.m365vault.restore.tenant.FileRestore;
import io.m365vault.restore.tenant.TenantRestoreOptions;
import io.m365vault.restore.tenant.TenantRestoreResult;
import io.m365vault.testkit.AzuriteProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.Set;

/**
 * Files restore speed into another user's OneDrive at SharePoint's own limits: a directory of
 * files of three sizes (256 KiB, 2 MiB, 8 MiB: simple uploads and upload sessions) mirrored into
 * the first user's OneDrive ({@code drive-dir}), backed up into a repository on Azurite (limits
 * off, the backup is not what is measured), then restored into the second user's OneDrive under
 * a folder while graph-sim holds the target to 4 requests in flight per drive, the smallest
 * tenant's 1,250 resource units a minute (a write costs 2, as Microsoft publishes), and
 * {@code latencyMs} on every request. Prints one JSON line with MB/s beside the figure
 * Microsoft 365 Backup publishes for its restores.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.m365vault.bench.FilesRestoreBench [scale [latencyMs]]}: scale
 * multiplies the file counts (1: 32 + 12 + 4 files, 64 MiB).
 */
public final class FilesRestoreBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** SharePoint's resource units a minute for the app in a tenant of up to 1,000 licences. */
    private static final int UNITS = 1250;

    private FilesRestoreBench() {
    }

    public static void main(String[] args) throws Exception {
        int scale = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int latencyMs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Path dir = files(scale);
        try (AzuriteProcess azurite = AzuriteProcess.start();
             GraphSim sim = GraphSim.builder().seed(23).users(8).filesPerDrive(0).set("drive-dir", dir.toString()).build().start();
             TenantGraph graph = GraphClients.create(GraphSettings.anonymous(sim.baseUrl()), ThrottleConfig.defaults())) {
            sim.faults(JSON.readTree("{\"mailboxConcurrency\":0,\"requestsPerWindow\":0}"));
            Path kek = Files.createTempDirectory("bench").resolve("kek");
            try (Repository repo = Repository.init(StorageAccount.of(azurite.connectionString()), "filesrestorebench", FileKek.create(kek))) {
                // drive-dir fills user 0's OneDrive; user 0 is always a normal user.
                ProtectedItem source = new ProtectedItem("user", sim.tenant().directory().user(0).id);
                ProtectedItem target = new ProtectedItem("user", secondDriveUser(sim, source.id()));
                Instant t = Instant.now();
                WorkloadResult backed = new ItemBackup(repo, new TenantGraphReader(graph, 200), BackupOptions.DEFAULTS)
                        .run("bench", t, source, Set.of(Workload.FILES)).workloads().get(Workload.FILES);
                if (backed.outcome() != WorkloadResult.Outcome.DONE) {
                    throw new IllegalStateException("backup failed: " + backed.reason());
                }
                sim.faults(JSON.readTree("{\"mailboxConcurrency\":4,\"resourceUnitsPerWindow\":" + UNITS + ",\"resourceUnitWindowSeconds\":60,"
                        + "\"retryAfterSeconds\":1,\"latencyMs\":" + latencyMs + "}"));
                JsonNode before = sim.stats();
                long start = System.nanoTime();
                TenantRestoreResult r = new FileRestore(repo, graph).restore("bench", source, t.plusSeconds(1), null,
                        new TenantRestoreOptions(target, "Restored bench", false));
                double seconds = (System.nanoTime() - start) / 1e9;
                JsonNode after = sim.stats();
                long requests = after.path("requests").asLong() - before.path("requests").asLong();
                long units = after.path("resourceUnits").path("charged").asLong() - before.path("resourceUnits").path("charged").asLong();
                long throttled = after.path("throttled429").asLong() - before.path("throttled429").asLong();
                System.out.println(String.format(Locale.ROOT,
                        "{\"workload\":\"files\",\"items\":%d,\"restored\":%d,\"failed\":%d,\"bytes\":%d,\"seconds\":%.1f,\"MBps\":%.1f,"
                                + "\"MiBps\":%.1f,\"filesPerMinute\":%.0f,\"graphRequests\":%d,\"resourceUnits\":%d,\"throttled429\":%d,"
                                + "\"latencyMs\":%d,\"limits\":\"4 in flight per drive, %d resource units a minute\","
                                + "\"peer\":\"Microsoft 365 Backup publishes about 2 TB an hour for about 1,000 sites restored in parallel,"
                                + " about 0.6 MB/s a site, in place inside Microsoft 365 rather than through Graph\"}",
                        r.items(), r.restored(), r.failures().size(), r.bytes(), seconds, r.bytes() / seconds / 1e6,
                        r.bytes() / seconds / (1 << 20), r.restored() / seconds * 60, requests, units, throttled, latencyMs, UNITS));
            }
        }
    }

    /** 32 files of 256 KiB, 12 of 2 MiB and 4 of 8 MiB (times {@code scale}) of random bytes, in two folders. */
    private static Path files(int scale) throws java.io.IOException {
        Path dir = Files.createTempDirectory("filesrestorebench");
        SplittableRandom random = new SplittableRandom(5);
        int[][] kinds = {{32, 256 << 10}, {12, 2 << 20}, {4, 8 << 20}};
        for (int[] k : kinds) {
            Path sub = Files.createDirectories(dir.resolve(k[1] >= 8 << 20 ? "large" : "documents"));
            for (int i = 0; i < k[0] * scale; i++) {
                byte[] b = new byte[k[1]];
                random.nextBytes(b);
                Files.write(sub.resolve("file-" + (k[1] >> 10) + "k-" + i + ".bin"), b);
            }
        }
        return dir;
    }

    private static String secondDriveUser(GraphSim sim, String first) {
        for (int i = 0; ; i++) {
            SimUser u = sim.tenant().directory().user(i);
            if (u.kind == SimUser.Kind.NORMAL && u.hasOneDrive() && !u.id.equals(first)) {
                return u.id;
            }
        }
    }
}
