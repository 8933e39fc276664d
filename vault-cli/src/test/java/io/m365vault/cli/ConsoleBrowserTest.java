package io.m365vault.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365vault.graphsim.GraphSim;
import io.m365vault.graphsim.model.SimUser;
import io.m365vault.testkit.AzuriteExtension;
import io.m365vault.testkit.NodeTool;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web console in headless Chromium against {@code vault serve} on Azurite and graph-sim:
 * a wrong key is refused (401), the backup's run shows with its counts and its one failed item with
 * why, a run started while the page is open is seen going and then done by its polling, a browse and a search find
 * a message, an export downloads a zip holding it, a restore into another mailbox runs and the
 * message is there in the tenant. tools/console-test/console-e2e.js drives the page; its
 * screenshots are kept in target/console-screenshots/.
 */
@ExtendWith(AzuriteExtension.class)
class ConsoleBrowserTest {
    private static final Pattern CONSOLE = Pattern.compile("web console (http://127\\.0\\.0\\.1:\\d+/console/)");
    private static final Pattern RUN_ID = Pattern.compile("run (\\d{8}T\\d{9}Z-[0-9a-f]{6})");
    private static final String KEY = "console-test-key-7f3a9c";
    private static final String RESTORE_FOLDER = "From the console";
    private static final long SCRIPT_SECONDS = 240;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPersonFollowsABackupBrowsesSearchesExportsAndRestores(AzuriteExtension.StorageAccount account, @TempDir Path tmp)
            throws Exception {
        Path tool = NodeTool.dir("console-test", "m365vault.console.test.dir", "M365VAULT_CONSOLE_TEST_DIR");
        NodeTool.ensureInstalled(tool, tool.resolve("node_modules/playwright-core/package.json"));
        String chromium = NodeTool.setUp(tool, "bash", tool.resolve("setup-chromium").toString());
        try (GraphSim sim = GraphSim.builder().seed(11).users(8).messagesPerFolder(3).build().start()) {
            List<SimUser> mailboxes = new ArrayList<>();
            for (int i = 0; mailboxes.size() < 2; i++) {
                SimUser u = sim.tenant().directory().user(i);
                if (u.kind == SimUser.Kind.NORMAL && u.hasMailbox()) {
                    mailboxes.add(u);
                }
            }
            SimUser alice = mailboxes.get(0);
            SimUser bob = mailboxes.get(1);
            JsonNode message = null;
            for (JsonNode m : sim.snapshot(alice.id).get("mail")) {
                if (m.path("subject").asText().matches("[A-Za-z0-9][ -~]{4,}")) {
                    message = m;
                    break;
                }
            }
            assertTrue(message != null, "a message with a plain subject in " + alice.userPrincipalName);
            String subject = message.get("subject").asText();
            // One of Bob's messages cannot be read: the run shows it as a failed item with why, the rest backed up.
            String unreadable = null;
            for (JsonNode m : sim.snapshot(bob.id).get("mail")) {
                if (!m.path("folder").asText().startsWith("Hidden")) {
                    unreadable = m.get("id").asText();
                    break;
                }
            }
            sim.faults(JSON.readTree("{\"retryAfterSeconds\":0,\"inject\":[{\"path\":\"/messages/" + unreadable
                    + "/$value\",\"status\":500,\"count\":1000000}]}"));

            Cli cli = new Cli(Map.of("VAULT_STORAGE", account.connectionString(), "VAULT_KEK", "file:" + tmp.resolve("kek"),
                    "GRAPH_BASE_URL", sim.baseUrl(), "VAULT_FUNCTION_KEY", KEY, "VAULT_SCHEDULE", "0 0 0 1 1 *",
                    "VAULT_POLICY", "{\"mail\":\"all\"}"), tmp);
            assertEquals(0, cli.run("init", "--repo", "consoletest").code());
            Cli.Result backup = cli.run("backup", "user:" + alice.id, "user:" + bob.id, "--workloads", "mail", "--repo", "consoletest");
            assertEquals(0, backup.code(), backup.toString());
            Matcher run = RUN_ID.matcher(backup.out());
            assertTrue(run.find(), backup.out());

            Cli.Running serve = cli.start("serve", "--port", "0", "--repo", "consoletest");
            try {
                String console = serve.await(CONSOLE, 60).group(1);
                assertNoKeyInTheAssets(console);

                Path shots = Path.of("target", "console-screenshots").toAbsolutePath();
                Files.createDirectories(shots);
                Path downloads = Files.createDirectories(tmp.resolve("downloads"));
                Map<String, String> env = new HashMap<>(Map.of("CHROMIUM", chromium, "CONSOLE_URL", console, "KEY", KEY,
                        "RUN", run.group(1), "RUN_DONE", "2", "FAILED_ITEM", unreadable, "ITEM_NAME", alice.displayName,
                        "FOLDER", message.get("folder").asText(), "SUBJECT", subject));
                env.put("TO_ITEM", "user:" + bob.userPrincipalName);
                env.put("RESTORE_FOLDER", RESTORE_FOLDER);
                env.put("SCREENSHOTS", shots.toString());
                env.put("DOWNLOADS", downloads.toString());
                // When the page is ready for it, a second backup on a Graph slowed to a second a request: a run that stays going a while.
                Cli.Result[] live = new Cli.Result[1];
                Thread second = new Thread(() -> {
                    sim.faults(JSON.createObjectNode().put("latencyMs", 1000));
                    live[0] = cli.run("backup", "user:" + alice.id, "--workloads", "mail", "--repo", "consoletest");
                }, "second-backup");
                String out = node(tool, env, "ready live\n", second::start);
                System.out.print(out);
                second.join(120_000);
                assertTrue(live[0] != null && live[0].code() == 0, "the second backup: " + live[0]);
                for (String step : new String[] {"wrong-key", "run-counts", "browse", "search", "export", "restore", "no-key-in-urls",
                        "live-running", "live"}) {
                    assertTrue(out.contains("ok " + step + "\n"), "step " + step + " of the console:\n" + out);
                    assertTrue(Files.isRegularFile(shots.resolve(step + ".png")), "screenshot of " + step);
                }
                assertTrue(zipHolds(downloads.resolve("export.zip"), "Subject: " + subject), "the downloaded export holds the message");
                assertTrue(restoredInto(sim.snapshot(bob.id).get("mail"), subject), "the message restored into " + bob.userPrincipalName);
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nserve printed: " + serve.stop(), e);
            }
            assertEquals(0, serve.stop().code());
        }
    }

    /** The page and its assets are the same for everyone: the key is in none of them, nor asked for by URL. */
    private static void assertNoKeyInTheAssets(String console) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String name : new String[] {"", "console.js", "console.css"}) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(console + name)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), name);
            assertFalse(r.body().contains(KEY), name + " holds the key");
            assertFalse(r.body().contains("code="), name + " puts a key in a URL");
        }
        String root = console.replace("/console/", "/");
        HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(root)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, home.statusCode(), "/ sends to the console");
        assertEquals("/console/", home.headers().firstValue("Location").orElse(""));
        assertEquals(404, http.send(HttpRequest.newBuilder(URI.create(console + "console.js%2F..%2F..%2Fkek")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode(), "only the console's own names are served");
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(console.replace("/console/", "/api/runs"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, api.statusCode(), "the API still needs the key");
    }

    /**
     * Runs the browser script to its end (or kills it at the limit) and answers what it printed; its exit must be 0.
     * {@code onCue} runs once, when the script prints {@code cue}.
     */
    private static String node(Path tool, Map<String, String> env, String cue, Runnable onCue) throws Exception {
        ProcessBuilder b = new ProcessBuilder("node", tool.resolve("console-e2e.js").toString()).directory(tool.toFile()).redirectErrorStream(true);
        b.environment().putAll(env);
        Process p = b.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try (InputStream in = p.getInputStream()) {
                in.transferTo(out);
            } catch (java.io.IOException ignored) {
                // the process is gone; what it printed is kept
            }
        });
        reader.start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SCRIPT_SECONDS);
        boolean cued = false;
        while (p.isAlive() && System.nanoTime() < end) {
            if (!cued && out.toString(StandardCharsets.UTF_8).contains(cue)) {
                cued = true;
                onCue.run();
            }
            Thread.sleep(100);
        }
        boolean ended = p.waitFor(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (!ended) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        reader.join(10_000);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(ended, "the console script did not end within " + SCRIPT_SECONDS + " s:\n" + printed);
        assertEquals(0, p.exitValue(), "the console script failed:\n" + printed);
        return printed;
    }

    private static boolean zipHolds(Path zip, String text) throws Exception {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().endsWith(".eml") && new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean restoredInto(JsonNode mail, String subject) {
        for (JsonNode m : mail) {
            if (m.path("subject").asText().equals(subject) && m.path("folder").asText().startsWith(RESTORE_FOLDER)) {
                return true;
            }
        }
        return false;
    }
}
