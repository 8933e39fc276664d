package io.m365vault.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.graphsim.GraphSim;
import io.m365vault.graphsim.model.SimUser;
import io.m365vault.testkit.AzuriteExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * vault serve against Azurite and graph-sim: the timer starts runs, the queue worker backs the
 * items up, the restore queue runs a submitted export, and HTTP needs the function key.
 */
@ExtendWith(AzuriteExtension.class)
class ServeCommandTest {
    private static final Pattern API = Pattern.compile("HTTP API (http://127\\.0\\.0\\.1:\\d+/api)");
    private static final String KEY = "local-test-key";
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesTheTimerTheQueuesAndTheKeyedApi(AzuriteExtension.StorageAccount account, @TempDir Path tmp) throws Exception {
        try (GraphSim sim = GraphSim.builder().seed(5).users(6).build().start()) {
            SimUser user = sim.tenant().directory().user(0);
            Cli cli = new Cli(Map.of("VAULT_STORAGE", account.connectionString(), "VAULT_KEK", "file:" + tmp.resolve("kek"),
                    "GRAPH_BASE_URL", sim.baseUrl(), "VAULT_SCHEDULE", "*/3 * * * * *", "VAULT_FUNCTION_KEY", KEY,
                    "VAULT_POLICY", "{\"mail\":{\"mode\":\"selected\",\"users\":[\"" + user.id + "\"]}}"), tmp);
            assertEquals(0, cli.run("init", "--repo", "servetest").code());
            Cli.Running serve = cli.start("serve", "--port", "0", "--repo", "servetest");
            try {
                String api = serve.await(API, 60).group(1);
                assertEquals(401, get(api + "/runs", null).statusCode());
                assertEquals(401, get(api + "/runs?code=wrong", null).statusCode());
                assertEquals(401, get(api + "/runs", "wrong").statusCode());
                HttpResponse<String> runs = get(api + "/runs?code=" + KEY, null);
                assertEquals(200, runs.statusCode(), runs.body());
                // An encoded '/' stays inside its segment, where the handler's item check refuses it.
                assertEquals(400, get(api + "/items/user:..%2F..%2Fkeys/versions", KEY).statusCode());
                HttpResponse<String> huge = http.send(HttpRequest.newBuilder(URI.create(api + "/restores"))
                        .header(FunctionKey.HEADER, KEY).POST(HttpRequest.BodyPublishers.ofString("x".repeat(100_000))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(413, huge.statusCode(), huge.body());

                // The timer fires every 3 s; the backup-items worker finishes the run's one item.
                awaitBody(api + "/runs", "\"status\":\"done\"", 120);

                HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(URI.create(api + "/restores"))
                        .header(FunctionKey.HEADER, KEY)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"user:" + user.id + "\",\"workloads\":[\"mail\"]}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(202, submitted.statusCode(), submitted.body());
                Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(submitted.body());
                assertTrue(id.find(), submitted.body());
                // The restore-jobs worker runs the export and the job gains its download link.
                awaitBody(api + "/restores/" + id.group(1), "\"status\":\"done\"", 120);
                assertEquals(400, get(api + "/restores/not-an-id", KEY).statusCode());
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nserve printed: " + serve.stop(), e);
            }
            Cli.Result r = serve.stop();
            assertEquals(0, r.code(), r.toString());
        }
    }

    @Test
    void refusesBadUsageAndMissingSettings(AzuriteExtension.StorageAccount account) {
        Cli cli = new Cli(Map.of("VAULT_STORAGE", account.connectionString()), Path.of("."));
        Cli.Result port = cli.run("serve", "--port", "-1");
        assertEquals(2, port.code(), port.toString());
        assertTrue(port.err().contains("--port must be 0 to 65535"), port.err());
        Cli.Result settings = cli.run("serve");
        assertEquals(1, settings.code(), settings.toString());
        assertTrue(settings.errorLine().startsWith("vault: VAULT_KEK is not set"), settings.err());
    }

    @Test
    void functionKeyComesFromTheSettingOrIsGenerated() {
        FunctionKey set = FunctionKey.from("abc");
        assertTrue(!set.generated() && set.accepts("abc", Map.of()) && set.accepts(null, Map.of("code", "abc")));
        assertTrue(!set.accepts(null, Map.of()) && !set.accepts("abd", Map.of()) && !set.accepts(null, Map.of("code", "ab")));
        FunctionKey made = FunctionKey.from(null);
        assertTrue(made.generated() && made.value().length() >= 40 && !made.value().equals(FunctionKey.from("").value()));
    }

    @Test
    void cronTimerMatchesSixFieldExpressions() {
        try (CronTimer t = new CronTimer("0 30 1 * * MON-FRI", () -> { })) {
            assertTrue(t.matches(java.time.ZonedDateTime.parse("2026-11-23T01:30:00Z")));
            assertTrue(!t.matches(java.time.ZonedDateTime.parse("2026-11-22T01:30:00Z")), "a Sunday");
            assertTrue(!t.matches(java.time.ZonedDateTime.parse("2026-11-23T01:30:01Z")));
        }
        try (CronTimer t = new CronTimer("*/15 * * * JAN,NOV *", () -> { })) {
            assertTrue(t.matches(java.time.ZonedDateTime.parse("2026-11-23T07:00:45Z")));
            assertTrue(!t.matches(java.time.ZonedDateTime.parse("2026-11-23T07:00:44Z")));
            assertTrue(!t.matches(java.time.ZonedDateTime.parse("2026-12-23T07:00:45Z")));
        }
    }

    private HttpResponse<String> get(String url, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (key != null) {
            b.header(FunctionKey.HEADER, key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitBody(String url, String expected, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        String last = "";
        while (System.nanoTime() < end) {
            HttpResponse<String> r = get(url, KEY);
            last = r.statusCode() + " " + r.body();
            if (r.statusCode() == 200 && r.body().contains(expected)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no " + expected + " from " + url + "; last: " + last);
    }
}
