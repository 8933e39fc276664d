package io.m365vault.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365vault.backup.BackupOptions;
import io.m365vault.backup.ItemBackup;
import io.m365vault.backup.ItemResult.WorkloadResult;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.graph.TenantGraphReader;
import io.m365vault.backup.Workload;
import io.m365vault.graph.GraphClients;
import io.m365vault.graph.GraphSettings;
import io.m365vault.graph.TenantGraph;
import io.m365vault.graph.ThrottleConfig;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.graphsim.model.SimUser;
import io.m365vault.repo.FileKek;
import io.m365vault.repo.Repository;
import io.m365vault.repo.StorageAccount;
import io.m365vault.testkit.AzuriteProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * End-to-end: one mailbox of about 5,000 messages behind graph-sim's Outlook limits (4 concurrent,
 * a request budget per window), with latency per request, backed up into a repository on
 * Azurite; then 1% of it changes and an incremental runs. Graph's 10,000 requests per 10 minutes
 * are scaled to 1,000 per 10 s and the latency from 50-100 ms to 10 ms, keeping budget, not
 * concurrency, the binding limit as in the real service. Prints one JSON line per run.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.m365vault.bench.MailboxBench [messagesPerFolder [requestsPer10s [latencyMs]]]}:
 * 167 requests per 10 s is Graph's own rate (16.7/s).
 */
public final class MailboxBench {
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private MailboxBench() {
    }

    public static void main(String[] args) throws Exception {
        int perFolder = args.length > 0 ? Integer.parseInt(args[0]) : 625;
        int budget = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        double allowed = budget / (double) WINDOW.toSeconds();
        int latencyMs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        try (AzuriteProcess azurite = AzuriteProcess.start();
             GraphSim sim = GraphSim.builder().seed(5).users(8).messagesPerFolder(perFolder).latencyMs(latencyMs).build().start();
             TenantGraph graph = GraphClients.create(GraphSettings.anonymous(sim.baseUrl()),
                     ThrottleConfig.defaults().withBudget(budget, WINDOW))) {
            sim.faults(JSON.readTree("{\"mailboxConcurrency\":4,\"requestsPerWindow\":" + budget
                    + ",\"windowSeconds\":" + WINDOW.toSeconds() + ",\"retryAfterSeconds\":1}"));
            Path kek = Files.createTempDirectory("bench").resolve("kek");
            try (Repository repo = Repository.init(StorageAccount.of(azurite.connectionString()), "bench", FileKek.create(kek))) {
                String user = mailUser(sim);
                ItemBackup backup = new ItemBackup(repo, new TenantGraphReader(graph, 100), BackupOptions.DEFAULTS);
                int messages = sim.snapshot(user).path("mail").size();
                Instant t1 = Instant.now();
                run("full", backup, sim, user, t1, messages, allowed);
                sim.mutate(9, 0.01, "messages");
                run("incremental-1pct", backup, sim, user, t1.plusSeconds(3600), sim.snapshot(user).path("mail").size(), allowed);
            }
        }
    }

    private static void run(String name, ItemBackup backup, GraphSim sim, String user, Instant runTime, int messages, double allowed) {
        JsonNode before = sim.stats();
        long start = System.nanoTime();
        WorkloadResult r = backup.run(name, runTime, new ProtectedItem("user", user), Set.of(Workload.MAIL)).workloads().get(Workload.MAIL);
        double seconds = (System.nanoTime() - start) / 1e9;
        JsonNode after = sim.stats();
        long requests = after.path("requests").asLong() - before.path("requests").asLong();
        long throttled = after.path("throttled429").asLong() - before.path("throttled429").asLong();
        System.out.println(String.format(Locale.ROOT,
                "{\"run\":\"%s\",\"outcome\":\"%s\",\"messages\":%d,\"seconds\":%.1f,\"graphRequests\":%d,\"requestsPerSec\":%.1f,"
                        + "\"allowedPerSec\":%.1f,\"fractionOfAllowed\":%.2f,\"throttled429\":%d,\"requestsPerMessage\":%.3f,"
                        + "\"contentFetched\":%d,\"bytesFetched\":%d}",
                name, r.outcome(), messages, seconds, requests, requests / seconds, allowed, requests / seconds / allowed,
                throttled, requests / (double) messages, r.stats().contentFetched(), r.stats().bytesFetched()));
    }

    private static String mailUser(GraphSim sim) {
        for (int i = 0; ; i++) {
            SimUser u = sim.tenant().directory().user(i);
            if (u.kind == SimUser.Kind.NORMAL && u.hasMailbox()) {
                return u.id;
            }
        }
    }
}
