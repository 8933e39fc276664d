package io.m365vault.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.repo.FileKek;
import io.m365vault.repo.Repository;
import io.m365vault.testkit.AzuriteExtension;
import io.m365vault.testkit.Misconfigured;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Storage and Graph that cannot be reached, or refuse the key: one line naming the setting, within seconds. */
@ExtendWith(AzuriteExtension.class)
class ReachabilityTest {
    static final Duration SOON = Duration.ofSeconds(5);
    @TempDir
    Path tmp;

    @Test
    void storageOnAClosedPortOrWithAWrongKeyIsOneLineNamingVaultStorage(AzuriteExtension.StorageAccount account) throws Exception {
        int port = Misconfigured.closedPort();
        Map<String, String> env = settings(Misconfigured.endpointsOn(account.connectionString(), port),
                "http://127.0.0.1:" + Misconfigured.closedPort() + "/v1.0");
        assertFailsSoon("VAULT_STORAGE: cannot reach 127.0.0.1:" + port + " (connection refused)",
                () -> VaultServices.open(VaultSettings.from(env, VaultSettings.REPOSITORY), "vault"));

        env.put("VAULT_STORAGE", Misconfigured.wrongKey(account.connectionString()));
        SettingsException refused = assertFailsSoon(null, () -> VaultServices.open(VaultSettings.from(env, VaultSettings.REPOSITORY), "vault"));
        assertTrue(refused.getMessage().startsWith("VAULT_STORAGE: http://127.0.0.1:") && refused.getMessage()
                .contains(" refuses the credentials (403 "), refused.getMessage());
    }

    @Test
    void graphOnAClosedPortIsOneLineNamingGraphBaseUrlOnItsFirstCall(AzuriteExtension.StorageAccount account) throws Exception {
        String repo = "r" + Long.toHexString(System.nanoTime());
        Path kek = tmp.resolve("kek");
        Repository.init(ServiceFixture.storage(account), repo, FileKek.create(kek)).close();
        int port = Misconfigured.closedPort();
        Map<String, String> env = settings(account.connectionString(), "http://127.0.0.1:" + port + "/v1.0");
        env.put("VAULT_KEK", "file:" + kek);
        try (VaultServices vs = VaultServices.open(VaultSettings.from(env, VaultSettings.REPOSITORY), repo)) {
            assertEquals(0, vs.runs().list(5).size(), "work without Graph does not try it");
            assertFailsSoon("GRAPH_BASE_URL: cannot reach 127.0.0.1:" + port + " (connection refused)", () -> vs.graph().get("users"));
            ApiResponse api = ApiHandler.of(vs).versions("user:adele@contoso.com", null, null);
            assertEquals(503, api.status(), api.json());
            assertEquals("{\"error\":\"GRAPH_BASE_URL: cannot reach 127.0.0.1:" + port + " (connection refused)\"}", api.json());
        }
    }

    private Map<String, String> settings(String storage, String graph) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("VAULT_STORAGE", storage);
        Path kek = tmp.resolve("k" + System.nanoTime());
        FileKek.create(kek);
        env.put("VAULT_KEK", "file:" + kek);
        env.put("GRAPH_BASE_URL", graph);
        return env;
    }

    private static SettingsException assertFailsSoon(String message, Executable call) {
        long start = System.nanoTime();
        SettingsException e = assertThrows(SettingsException.class, call);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(SOON) < 0, "took " + took + ": " + e.getMessage());
        if (message != null) {
            assertEquals(message, e.getMessage());
        }
        return e;
    }
}
