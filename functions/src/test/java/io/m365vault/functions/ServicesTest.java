package io.m365vault.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.repo.FileKek;
import io.m365vault.service.SettingsException;
import io.m365vault.testkit.AzuriteExtension;
import io.m365vault.testkit.Misconfigured;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A worker's first call with storage that is not there or refuses the key: one line naming VAULT_STORAGE, in seconds. */
@ExtendWith(AzuriteExtension.class)
class ServicesTest {
    @TempDir
    Path tmp;

    @Test
    void storageUnreachableOrRefusingTheKeyFailsTheFirstCallWithOneLine(AzuriteExtension.StorageAccount account) throws Exception {
        int port = Misconfigured.closedPort();
        Path kek = tmp.resolve("kek");
        FileKek.create(kek);
        Map<String, String> settings = new HashMap<>(Map.of("VAULT_KEK", "file:" + kek, "VAULT_POLICY", "{\"mail\":\"all\"}",
                "VAULT_SCHEDULE", "0 0 1 * * *", "GRAPH_BASE_URL", "http://127.0.0.1:" + port + "/v1.0"));

        settings.put("VAULT_STORAGE", Misconfigured.endpointsOn(account.connectionString(), port));
        assertEquals("VAULT_STORAGE: cannot reach 127.0.0.1:" + port + " (connection refused)", firstCall(settings).getMessage());

        settings.put("VAULT_STORAGE", Misconfigured.wrongKey(account.connectionString()));
        String refused = firstCall(settings).getMessage();
        assertTrue(refused.startsWith("VAULT_STORAGE: ") && refused.contains(" refuses the credentials (403 "), refused);
    }

    private static SettingsException firstCall(Map<String, String> settings) {
        long start = System.nanoTime();
        SettingsException e = assertThrows(SettingsException.class, () -> Services.open(settings));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.toSeconds() < 5, "took " + took + ": " + e.getMessage());
        return e;
    }
}
