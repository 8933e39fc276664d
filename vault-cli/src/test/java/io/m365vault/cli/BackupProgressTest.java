package io.m365vault.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.graphsim.GraphSim;
import io.m365vault.graphsim.model.SimUser;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Progress moves inside a long mailbox: bytes are counted as content is stored, not when the item ends. */
@ExtendWith(AzuriteExtension.class)
class BackupProgressTest {
    @Test
    void bytesShowBeforeTheOnlyItemEnds(AzuriteExtension.StorageAccount account, @TempDir Path tmp) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(19).users(4).messagesPerFolder(20).latencyMs(120).build().start()) {
            SimUser user = null;
            for (int i = 0; user == null; i++) {
                SimUser u = sim.tenant().directory().user(i);
                if (u.kind == SimUser.Kind.NORMAL && u.hasMailbox()) {
                    user = u;
                }
            }
            Cli cli = new Cli(Map.of("VAULT_STORAGE", account.connectionString(), "VAULT_KEK", "file:" + tmp.resolve("kek"),
                    "GRAPH_BASE_URL", sim.baseUrl()), tmp);
            assertEquals(0, cli.run("init", "--repo", "prog").code());
            Cli.Result r = cli.run("backup", "user:" + user.id, "--workloads", "mail", "--repo", "prog");
            assertEquals(0, r.code(), r.toString());
            assertTrue(Pattern.compile("backup: 0/1 items, [1-9][0-9.]* (KiB|MiB)").matcher(r.err()).find(),
                    "a progress line with bytes while the one item runs: " + r.err());
        }
    }
}
