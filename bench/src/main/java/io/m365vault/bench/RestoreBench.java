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
import io.m365vault.restore.tenant.MailRestore;
import io.m365vault.restore.tenant.TenantRestoreOptions;
import io.m365vault.restore.tenant.TenantRestoreResult;
import io.m365vault.testkit.AzuriteProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * Mail restore speed into one mailbox at Graph's own limits: a mailbox backed up into a repository
 * on Azurite (limits off, the backup is not what is measured), then restored into another user's
 * mailbox under a folder while graph-sim holds the target to Outlook's per-mailbox limits: 4
 * concurrent requests and Graph's 10,000 requests per 10 minutes (as 1,000 per minute, the same
 * rate with a shorter window), each request {@code latencyMs} late as the service's are. Prints
 * one JSON line with messages per minute beside the figure Microsoft 365 Backup publishes for its
 * own restores (200-300 per minute).
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.m365vault.bench.RestoreBench [messagesPerFolder [latencyMs]]}
 */
public final class RestoreBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BUDGET = 1000;
    private static final Duration WINDOW = Duration.ofSeconds(60);

    private RestoreBench() {
    }

    public static void main(String[] args) throws Exception {
        int perFolder = args.length > 0 ? Integer.parseInt(args[0]) : 150;
        int latencyMs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        try (AzuriteProcess azurite = AzuriteProcess.start();
             GraphSim sim = GraphSim.builder().seed(21).users(8).messagesPerFolder(perFolder).build().start();
             TenantGraph graph = GraphClients.create(GraphSettings.anonymous(sim.baseUrl()), ThrottleConfig.defaults().withBudget(BUDGET, WINDOW))) {
            sim.faults(JSON.readTree("{\"mailboxConcurrency\":0,\"requestsPerWindow\":0}"));
            Path kek = Files.createTempDirectory("bench").resolve("kek");
            try (Repository repo = Repository.init(StorageAccount.of(azurite.connectionString()), "restorebench", FileKek.create(kek))) {
                String[] users = mailUsers(sim);
                ProtectedItem source = new ProtectedItem("user", users[0]);
                Instant t = Instant.now();
                WorkloadResult backed = new ItemBackup(repo, new TenantGraphReader(graph, 100), BackupOptions.DEFAULTS)
                        .run("bench", t, source, Set.of(Workload.MAIL)).workloads().get(Workload.MAIL);
                if (backed.outcome() != WorkloadResult.Outcome.DONE) {
                    throw new IllegalStateException("backup failed: " + backed.reason());
                }
                sim.faults(JSON.readTree("{\"mailboxConcurrency\":4,\"requestsPerWindow\":" + BUDGET + ",\"windowSeconds\":" + WINDOW.toSeconds()
                        + ",\"retryAfterSeconds\":1,\"latencyMs\":" + latencyMs + "}"));
                JsonNode before = sim.stats();
                long start = System.nanoTime();
                TenantRestoreResult r = new MailRestore(repo, graph).restore("bench", source, t.plusSeconds(1),
                        new TenantRestoreOptions(new ProtectedItem("user", users[1]), "Restored bench", false));
                double seconds = (System.nanoTime() - start) / 1e9;
                JsonNode after = sim.stats();
                long requests = after.path("requests").asLong() - before.path("requests").asLong();
                long throttled = after.path("throttled429").asLong() - before.path("throttled429").asLong();
                System.out.println(String.format(Locale.ROOT,
                        "{\"workload\":\"mail\",\"messages\":%d,\"restored\":%d,\"failed\":%d,\"bytes\":%d,\"seconds\":%.1f,"
                                + "\"messagesPerMinute\":%.0f,\"graphRequests\":%d,\"requestsPerMessage\":%.2f,\"throttled429\":%d,"
                                + "\"latencyMs\":%d,\"limits\":\"4 concurrent, %d requests per %d s per mailbox\","
                                + "\"peer\":\"Microsoft 365 Backup publishes 200-300 messages per minute\",\"target\":600}",
                        r.items(), r.restored(), r.failures().size(), r.bytes(), seconds, r.restored() / seconds * 60, requests,
                        requests / (double) Math.max(1, r.restored()), throttled, latencyMs, BUDGET, WINDOW.toSeconds()));
            }
        }
    }

    /** Two users with mailboxes: the backed-up one and the one restored into. */
    private static String[] mailUsers(GraphSim sim) {
        String[] out = new String[2];
        int n = 0;
        for (int i = 0; n < 2; i++) {
            SimUser u = sim.tenant().directory().user(i);
            if (u.kind == SimUser.Kind.NORMAL && u.hasMailbox()) {
                out[n++] = u.id;
            }
        }
        return out;
    }
}
