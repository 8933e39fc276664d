package io.m365vault.bench;

import com.azure.storage.queue.QueueClient;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.graph.TenantGraphReader;
import io.m365vault.graph.GraphClients;
import io.m365vault.graph.GraphSettings;
import io.m365vault.graph.TenantGraph;
import io.m365vault.graph.ThrottleConfig;
import io.m365vault.repo.FileKek;
import io.m365vault.repo.Repository;
import io.m365vault.repo.StorageAccount;
import io.m365vault.service.BackupPolicy;
import io.m365vault.service.Planner;
import io.m365vault.service.QueueSender;
import io.m365vault.service.RunStore;
import io.m365vault.service.ScheduleService;
import io.m365vault.testkit.AzuriteProcess;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Locale;

/**
 * The timer's fan-out, as ScheduleBackups runs it: plan a tenant of N users from graph-sim, record
 * the run with every item queued (table transactions of 100), and send one base64 message per
 * item to an Azurite queue with P sends in flight. Prints one JSON line per parallelism.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.m365vault.bench.EnqueueBench [users [parallelism...]]}
 */
public final class EnqueueBench {
    private EnqueueBench() {
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int[] parallelism = args.length > 1
                ? java.util.Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 16, 64};
        try (AzuriteProcess azurite = AzuriteProcess.start();
             GraphSim sim = GraphSim.builder().seed(1).users(users).groups(10).build().start();
             TenantGraph graph = GraphClients.create(GraphSettings.anonymous(sim.baseUrl()), ThrottleConfig.defaults())) {
            StorageAccount account = StorageAccount.of(azurite.connectionString());
            try (Repository repo = Repository.init(account, "bench", FileKek.create(Files.createTempDirectory("bench").resolve("kek")))) {
                BackupPolicy policy = BackupPolicy.parse("{\"mail\":\"all\",\"calendar\":\"all\",\"contacts\":\"all\",\"files\":\"all\"}");
                Planner planner = new Planner(new TenantGraphReader(graph, 999));
                for (int p : parallelism) {
                    // A fresh queue per round: Azurite slows down as one queue fills.
                    QueueClient queue = account.queues().getQueueClient("backup-items-p" + p);
                    queue.create();
                    ScheduleService schedule = new ScheduleService(planner, new RunStore(repo.state()), new QueueSender(queue, p),
                            Clock.systemUTC());
                    ScheduleService.Scheduled s = schedule.schedule(policy, "bench");
                    double send = s.sending().toNanos() / 1e9;
                    System.out.println(String.format(Locale.ROOT,
                            "{\"users\":%d,\"items\":%d,\"parallelism\":%d,\"planSeconds\":%.2f,\"recordSeconds\":%.2f,"
                                    + "\"sendSeconds\":%.2f,\"messagesPerSec\":%.0f,\"totalSeconds\":%.2f,\"queued\":%d}",
                            users, s.enqueued(), p, s.planning().toNanos() / 1e9, s.recording().toNanos() / 1e9, send,
                            s.enqueued() / send, (s.planning().plus(s.recording()).plus(s.sending())).toNanos() / 1e9,
                            queue.getProperties().getApproximateMessagesCount()));
                    queue.delete();
                }
            }
        }
    }
}
