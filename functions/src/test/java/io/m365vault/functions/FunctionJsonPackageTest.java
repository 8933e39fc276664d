package io.m365vault.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What azure-functions-maven-plugin staged in the package phase (this test runs after it, see
 * the pom): one function.json per function with the bindings the host needs, the root host.json,
 * and the jars the entry points load from.
 */
class FunctionJsonPackageTest {
    static final Path APP = Path.of("target", "azure-functions", "m365vault");
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oneFunctionJsonPerFunctionWithItsBindings() throws Exception {
        Map<String, JsonNode> functions = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(APP)) {
            for (Path d : dirs.filter(Files::isDirectory).filter(d -> Files.exists(d.resolve("function.json"))).toList()) {
                functions.put(d.getFileName().toString(), JSON.readTree(d.resolve("function.json").toFile()));
            }
        }
        assertEquals(java.util.Set.of("ScheduleBackups", "ExpireExports", "RunMaintenance", "BackupItem", "BackupItemPoison", "RunRestore",
                "RestoreJobPoison", "SubmitRestore", "GetRestore", "ListRuns", "GetRun", "ListItems", "ItemVersions", "SearchItem",
                "Console"), functions.keySet());

        assertEquals("io.m365vault.functions.ScheduleBackups.run", functions.get("ScheduleBackups").get("entryPoint").asText());
        JsonNode timer = trigger(functions.get("ScheduleBackups"), "timerTrigger");
        assertEquals("%VAULT_SCHEDULE%", timer.get("schedule").asText());
        assertEquals("%VAULT_MAINTENANCE_SCHEDULE%", trigger(functions.get("RunMaintenance"), "timerTrigger").get("schedule").asText());
        assertEquals(io.m365vault.service.ExportStore.SWEEP_SCHEDULE,
                trigger(functions.get("ExpireExports"), "timerTrigger").get("schedule").asText(), "the hourly export sweep");

        queue(functions.get("BackupItem"), "backup-items");
        queue(functions.get("BackupItemPoison"), "backup-items-poison");
        queue(functions.get("RunRestore"), "restore-jobs");
        queue(functions.get("RestoreJobPoison"), "restore-jobs-poison");

        http(functions.get("SubmitRestore"), "restores", "POST");
        http(functions.get("GetRestore"), "restores/{id}", "GET");
        http(functions.get("ListRuns"), "runs", "GET");
        http(functions.get("GetRun"), "runs/{id}", "GET");
        http(functions.get("ListItems"), "items", "GET");
        http(functions.get("ItemVersions"), "items/{item}/versions", "GET");
        http(functions.get("SearchItem"), "items/{item}/search", "GET");
        // The console's page holds no data or secret: anonymous; the API calls it makes need the key.
        http(functions.get("Console"), "console/{*path}", "GET", "ANONYMOUS");

        for (JsonNode f : functions.values()) {
            Path jar = APP.resolve(functions.keySet().iterator().next()).resolve(f.get("scriptFile").asText()).normalize();
            assertTrue(Files.isRegularFile(jar), "entry point jar " + jar);
        }
    }

    @Test
    void rootHostJsonAndDependenciesAreStaged() throws Exception {
        assertEquals(JSON.readTree(Path.of("..", "host.json").toFile()), JSON.readTree(APP.resolve("host.json").toFile()));
        try (Stream<Path> lib = Files.list(APP.resolve("lib"))) {
            assertTrue(lib.anyMatch(p -> p.getFileName().toString().startsWith("vault-core-")), "vault-core in lib/");
        }
    }

    private static JsonNode trigger(JsonNode function, String type) {
        JsonNode b = function.get("bindings").get(0);
        assertEquals(type, b.get("type").asText(), function.toString());
        assertEquals("in", b.get("direction").asText());
        return b;
    }

    private static void queue(JsonNode function, String queue) {
        JsonNode b = trigger(function, "queueTrigger");
        assertEquals(queue, b.get("queueName").asText());
        assertEquals("VAULT_QUEUES", b.get("connection").asText(), "identity-based connection of infra/");
    }

    private static void http(JsonNode function, String route, String method) {
        http(function, route, method, "FUNCTION");
    }

    private static void http(JsonNode function, String route, String method, String authLevel) {
        JsonNode in = trigger(function, "httpTrigger");
        assertEquals(route, in.get("route").asText());
        assertEquals(method, in.get("methods").get(0).asText());
        assertEquals(1, in.get("methods").size());
        assertEquals(authLevel, in.get("authLevel").asText());
        JsonNode out = function.get("bindings").get(1);
        assertEquals("http", out.get("type").asText());
        assertEquals("$return", out.get("name").asText());
    }
}
