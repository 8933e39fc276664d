package io.m365vault.functions;

import io.m365vault.graphsim.GraphSim;
import io.m365vault.graphsim.model.SimUser;
import io.m365vault.repo.FileKek;
import io.m365vault.repo.Repository;
import io.m365vault.repo.StorageAccount;
import io.m365vault.service.VaultServices;
import io.m365vault.service.VaultSettings;
import io.m365vault.testkit.AzuriteExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The functions' services as the host would build them from app settings, over Azurite and graph-sim. */
final class FunctionFixture implements AutoCloseable {
    final GraphSim sim;
    final Services services;
    final StorageAccount storage;

    FunctionFixture(AzuriteExtension.StorageAccount account, Path dir, String policy) throws IOException {
        sim = GraphSim.builder().seed(17).users(5).messagesPerFolder(3).build().start();
        storage = StorageAccount.of(account.connectionString());
        String repo = "f" + Long.toHexString(System.nanoTime());
        Path kek = dir.resolve("kek");
        FileKek.create(kek);
        Repository.init(storage, repo, FileKek.load(kek)).close();
        Map<String, String> settings = Map.of("VAULT_STORAGE", account.connectionString(), "VAULT_KEK", "file:" + kek,
                "VAULT_POLICY", policy, "VAULT_SCHEDULE", "0 0 1 * * *", "GRAPH_BASE_URL", sim.baseUrl());
        services = new Services(VaultServices.open(VaultSettings.from(settings, VaultSettings.FUNCTIONS), repo));
    }

    /** A user of the simulated tenant with a mailbox. */
    SimUser mailUser() {
        for (int i = 0; ; i++) {
            SimUser u = sim.tenant().directory().user(i);
            if (u.kind == SimUser.Kind.NORMAL && u.hasMailbox()) {
                return u;
            }
        }
    }

    /** The function as the host would create it, using these services. */
    <T extends ServiceFunction> T wire(T function) {
        function.use(services);
        return function;
    }

    @Override
    public void close() {
        services.vault().close();
        sim.close();
    }
}
