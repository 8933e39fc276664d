package io.m365vault.service;

import io.m365vault.graph.GraphClients;
import io.m365vault.graph.GraphSettings;
import io.m365vault.graph.TenantGraph;
import io.m365vault.graph.ThrottleConfig;
import io.m365vault.repo.FileKek;
import io.m365vault.repo.Repository;
import io.m365vault.repo.StorageAccount;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * A restore worker in a JVM of its own, for a test to kill: runs one restore job as RunRestore does.
 * Arguments: storage connection string, repository name, KEK file, graph-sim base URL, queue, exports container, job id.
 */
public final class RestoreWorkerProcess {
    private RestoreWorkerProcess() {
    }

    public static void main(String[] args) throws Exception {
        StorageAccount storage = StorageAccount.of(args[0]);
        try (Repository repo = Repository.open(storage, args[1], FileKek.load(Path.of(args[2])));
             TenantGraph graph = GraphClients.create(GraphSettings.anonymous(args[3]), ThrottleConfig.defaults())) {
            service(storage, repo, args[3], graph, args[4], args[5]).run(args[6]);
        }
    }

    /** The restore service as the Functions make it, its jobs on queue {@code queue}, exports in {@code exports}. */
    static RestoreService service(StorageAccount storage, Repository repo, String simUrl, TenantGraph graph, String queue, String exports) {
        return new RestoreService(repo, new ItemLookup(repo, ServiceFixture.graph(simUrl), Clock.systemUTC()),
                new QueueSender(storage.queues().getQueueClient(queue), 1),
                new ExportStore(storage.blobs().getBlobContainerClient(exports), Duration.ofDays(7), Clock.systemUTC()), Clock.systemUTC(),
                graph, ItemLease.container(storage));
    }
}
