package io.m365vault.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.graphsim.GraphSim;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** `vault backup` stopped midway (as Ctrl-C stops it) leaves no run running and no lease held: a re-run at once backs up everything. */
@ExtendWith(AzuriteExtension.class)
class BackupInterruptTest {
    private static final Pattern RUN = Pattern.compile("run (\\d{8}T\\d{9}Z-[0-9a-f]{6})");

    @Test
    void anInterruptedBackupEndsTrueAndTheNextOneBacksUpEveryItem(AzuriteExtension.StorageAccount account, @TempDir Path tmp)
            throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(17).users(9).messagesPerFolder(6).latencyMs(60).build().start()) {
            Cli cli = new Cli(Map.of("VAULT_STORAGE", account.connectionString(), "VAULT_KEK", "file:" + tmp.resolve("kek"),
                    "GRAPH_BASE_URL", sim.baseUrl(), "VAULT_POLICY", "{\"mail\":\"all\"}"), tmp);
            assertEquals(0, cli.run("init", "--repo", "intr").code());

            Cli.Running backup = cli.start("backup", "--workloads", "mail", "--parallel", "2", "--repo", "intr");
            Thread.sleep(2500);
            Cli.Result stopped = backup.stop();
            assertEquals(1, stopped.code(), stopped.toString());
            String[] err = stopped.err().strip().split("\n");
            String last = err[err.length - 1];
            assertTrue(last.startsWith("vault: run ") && last.contains(" interrupted: ") && last.contains("the next `vault backup` resumes"),
                    stopped.toString());
            assertTrue(stopped.err().contains("vault: stopping at the next safe point"), stopped.err());
            Matcher m = RUN.matcher(stopped.err());
            assertTrue(m.find(), stopped.err());
            Cli.Result one = cli.run("runs", m.group(1), "--repo", "intr");
            assertTrue(one.out().contains("status   interrupted"), one.out());
            assertFalse(one.out().contains(" running "), "no item is left running: " + one.out());

            Cli.Result again = cli.run("backup", "--workloads", "mail", "--parallel", "2", "--repo", "intr");
            assertEquals(0, again.code(), "every lease was released: " + again);
            assertFalse(again.out().contains("held by"), again.out());
            Matcher m2 = RUN.matcher(again.out());
            assertTrue(m2.find(), again.out());
            assertTrue(cli.run("runs", m2.group(1), "--repo", "intr").out().contains("status   done"));
        }
    }
}
