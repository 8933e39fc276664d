package io.m365vault.service;

import io.m365vault.graph.TenantGraphReader;
import io.m365vault.graph.GraphClients;
import io.m365vault.graph.GraphSettings;
import io.m365vault.graph.ThrottleConfig;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.repo.FileKek;
import io.m365vault.repo.Repository;
import io.m365vault.repo.StorageAccount;
import io.m365vault.testkit.AzuriteExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** A fresh repository on the test Azurite and a Graph reader on a graph-sim tenant. */
final class ServiceFixture {
    private static final AtomicInteger SEQ = new AtomicInteger();

    private ServiceFixture() {
    }

    static StorageAccount storage(AzuriteExtension.StorageAccount account) {
        return StorageAccount.of(account.connectionString());
    }

    static Repository repo(AzuriteExtension.StorageAccount account, Path dir) throws IOException {
        String name = "s" + Long.toHexString(System.nanoTime()) + SEQ.incrementAndGet();
        return Repository.init(storage(account), name, FileKek.create(dir.resolve("kek-" + name)));
    }

    static TenantGraphReader graph(GraphSim sim) {
        return graph(sim.baseUrl());
    }

    static TenantGraphReader graph(String baseUrl) {
        return new TenantGraphReader(GraphClients.create(GraphSettings.anonymous(baseUrl), ThrottleConfig.defaults()), 100);
    }
}
