package io.m365vault.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.graphsim.GraphSim;
import io.m365vault.testkit.AzuriteExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A site's lists and pages through the command line: backup, what `vault runs` says it left out, ls, export. */
@ExtendWith(AzuriteExtension.class)
class SiteCommandsTest {
    private static final Pattern RUN_ID = Pattern.compile("run (\\d{8}T\\d{9}Z-[0-9a-f]{6})");

    @Test
    void backupRunsLsAndExportOfASitesListsAndPages(AzuriteExtension.StorageAccount account, @TempDir Path tmp) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(12).users(6).build().start()) {
            String site = "site:" + sim.tenant().sites().sites().get(1).id;
            Cli cli = new Cli(Map.of("VAULT_STORAGE", account.connectionString(), "VAULT_KEK", "file:" + tmp.resolve("kek"),
                    "GRAPH_BASE_URL", sim.baseUrl(), "VAULT_POLICY", "{\"lists\":\"all\",\"pages\":\"all\"}"), tmp);
            assertEquals(0, cli.run("init", "--repo", "sites").code());
            Cli.Result backup = cli.run("backup", site, "--workloads", "lists,pages", "--repo", "sites");
            assertEquals(0, backup.code(), backup.toString());
            Matcher m = RUN_ID.matcher(backup.out());
            assertTrue(m.find(), backup.out());

            Cli.Result runs = cli.run("runs", m.group(1), "--repo", "sites");
            assertEquals(0, runs.code(), runs.toString());
            assertTrue(runs.out().contains("status   done") && !runs.out().contains("not backed up"),
                    "list item attachments too are backed up (SharePoint REST): " + runs.out());

            Cli.Result ls = cli.run("ls", site, "lists/Issues", "--repo", "sites");
            assertEquals(0, ls.code(), ls.toString());
            assertTrue(ls.out().lines().count() >= 12, ls.out());

            Path dir = tmp.resolve("export");
            Cli.Result export = cli.run("export", site, "--to", dir.toString(), "--workloads", "lists,pages", "--repo", "sites");
            assertEquals(0, export.code(), export.toString());
            for (String f : new String[] {"lists/Issues/schema.json", "lists/Issues/items.json", "lists/Issues/items.csv",
                    "lists/Tasks/items.csv", "lists/User Information List/items.json", "pages/Home/page.json", "pages/Home/page.html",
                    "manifest.json"}) {
                assertTrue(Files.isRegularFile(dir.resolve(f)), f + " in " + export.out());
            }
        }
    }
}
