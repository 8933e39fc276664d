package io.m365vault.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.m365vault.backup.Workload;
import io.m365vault.config.Setting;
import io.m365vault.graph.GraphSettings;
import io.m365vault.repo.FileKek;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultSettingsTest {
    @TempDir
    Path tmp;
    Map<String, String> env;

    @BeforeEach
    void good() throws Exception {
        FileKek.create(tmp.resolve("kek"));
        env = new HashMap<>();
        env.put("VAULT_STORAGE", "UseDevelopmentStorage=true");
        env.put("VAULT_KEK", "file:" + tmp.resolve("kek"));
        env.put("VAULT_POLICY", "{\"mail\":\"all\",\"files\":{\"mode\":\"allExcept\",\"users\":[\"a@x.test\"]}}");
        env.put("VAULT_SCHEDULE", "0 0 1 * * *");
        env.put("GRAPH_BASE_URL", "http://127.0.0.1:9/v1.0");
    }

    @Test
    void goodSettingsAreRead() {
        VaultSettings s = VaultSettings.from(env, VaultSettings.FUNCTIONS);
        assertEquals("0 0 1 * * *", s.schedule());
        assertEquals(BackupPolicy.Mode.ALL_EXCEPT, s.policy().rules().get(Workload.FILES).mode());
        assertEquals(GraphSettings.Auth.NONE, s.graph().auth());
        assertEquals("file", s.kek().kind());
    }

    @Test
    void eachMissingRequiredSettingIsNamed() {
        for (Setting required : VaultSettings.FUNCTIONS) {
            Map<String, String> e = new HashMap<>(env);
            e.remove(required.name());
            assertLine(required.name() + " is not set", e);
        }
        env.put("VAULT_POLICY", "  ");
        assertLine("VAULT_POLICY is not set", env);
    }

    @Test
    void onlyWhatTheCallerNeedsIsRequired() {
        env.remove("VAULT_POLICY");
        env.remove("VAULT_SCHEDULE");
        VaultSettings s = VaultSettings.from(env, VaultSettings.REPOSITORY);
        SettingsException e = assertThrows(SettingsException.class, s::policy);
        assertTrue(e.getMessage().startsWith("VAULT_POLICY is not set"), e.getMessage());
    }

    @Test
    void malformedPolicyIsOneLineNamingIt() {
        for (String bad : new String[] {"{mail:", "[]", "{}", "{\"mail\":\"some\"}", "{\"email\":\"all\"}",
                "{\"mail\":{\"mode\":\"selected\"}}", "{\"mail\":{\"mode\":\"all\",\"users\":[\"u\"]}}",
                "{\"mail\":{\"mode\":\"selected\",\"sites\":[\"s\"]}}", "{\"mail\":{\"mode\":\"selected\",\"users\":\"u\"}}",
                "{\"mail\":{\"mode\":\"selected\",\"users\":[\"u\"],\"colour\":1}}", "{\"pages\":{\"mode\":\"selected\",\"users\":[\"u\"]}}"}) {
            env.put("VAULT_POLICY", bad);
            assertLine("VAULT_POLICY: ", env);
        }
    }

    /** Where the JSON breaks and what was expected there, in words, not Jackson's character codes and sources. */
    @Test
    void truncatedOrBrokenPolicySaysWhereItBreaks() {
        String[][] cases = {
                {"{\"mail\":\"all\",\"files\":{\"mode\":\"sel",
                        "VAULT_POLICY: not JSON: line 1, column 35: it ends too soon: expected closing quote for a string value"},
                {"{\"mail\":\"all\",", "VAULT_POLICY: not JSON: line 1, column 15: it ends too soon within/between Object entries"},
                {"{\n \"mail\": \"all\",\n \"contacts\": {\"mode\": \"allExcept\" \"users\": []}}",
                        "VAULT_POLICY: not JSON: line 3, column 35: Unexpected character ('\"'): expected comma to separate Object entries"},
                {"{\"mail\":\"all\"}}", "VAULT_POLICY: not JSON: line 1, column 15: more follows the end of the JSON value"},
                {"{\"mail\":\"all\"} {}", "VAULT_POLICY: not JSON: line 1, column 16: more follows the end of the JSON value"},
                {"{\"mail\":[\"all\"}", "VAULT_POLICY: not JSON: line 1, column 15: Unexpected close marker '}': expected ']' (the Array opened at line 1, column 9)"},
        };
        for (String[] c : cases) {
            env.put("VAULT_POLICY", c[0]);
            SettingsException e = assertThrows(SettingsException.class, () -> VaultSettings.from(env, VaultSettings.FUNCTIONS));
            assertEquals(c[1], e.getMessage());
        }
    }

    @Test
    void badCronIsNamed() {
        for (String bad : new String[] {"0 0 1 * *", "0 61 1 * * *", "0 0 25 * * *", "0 0 1 32 * *", "0 0 1 * 13 *",
                "0 0 1 * * 7", "0 0 1 * FOO *", "x 0 1 * * *", "*/0 0 1 * * *", "0 5-1 1 * * *", "0 0 1 * * MON,"}) {
            env.put("VAULT_SCHEDULE", bad);
            assertLine("VAULT_SCHEDULE: ", env);
        }
        for (String good : new String[] {"0 */5 * * * *", "0 30 9 * * MON-FRI", "0 0 2 1,15 JAN-DEC *", "5 0 0 * * 0"}) {
            env.put("VAULT_SCHEDULE", good);
            assertEquals(good, VaultSettings.from(env, VaultSettings.FUNCTIONS).schedule());
        }
    }

    @Test
    void badRetentionIsNamedAndAbsentRetentionIsTheDefault() {
        assertEquals(io.m365vault.maintain.RetentionPolicy.DEFAULT, VaultSettings.from(env, VaultSettings.FUNCTIONS).retention());
        for (String bad : new String[] {"{", "{\"daily\": -2}", "{\"weekly\": 1,\n \"keepAll\": 2}", "{\"workloads\": {\"teams\": {}}}"}) {
            env.put("VAULT_RETENTION", bad);
            assertLine("VAULT_RETENTION: ", env);
        }
        env.put("VAULT_RETENTION", "{\"workloads\": {\"files\": {\"lastVersions\": 5}}}");
        assertEquals(5, VaultSettings.from(env, VaultSettings.FUNCTIONS).retention().rule(io.m365vault.backup.Workload.FILES).lastVersions());
    }

    @Test
    void maintenanceScheduleAndVerifyDaysAreChecked() {
        assertEquals(VaultSettings.DEFAULT_VERIFY_DAYS, VaultSettings.from(env, VaultSettings.FUNCTIONS).verifyDays());
        env.put("VAULT_MAINTENANCE_SCHEDULE", "0 61 3 * * *");
        assertLine("VAULT_MAINTENANCE_SCHEDULE: ", env);
        env.put("VAULT_MAINTENANCE_SCHEDULE", "0 30 13 * * *");
        env.put("VAULT_VERIFY_DAYS", "0");
        assertLine("VAULT_VERIFY_DAYS: must be a whole number of days from 1 to 365", env);
        env.put("VAULT_VERIFY_DAYS", "14");
        assertEquals(14, VaultSettings.from(env, VaultSettings.FUNCTIONS).verifyDays());
    }

    @Test
    void badGraphBaseUrlIsNamed() {
        for (String bad : new String[] {"graph.microsoft.com", "ftp://graph/v1.0", "https://graph/v1.0?x=1", "http://[bad"}) {
            env.put("GRAPH_BASE_URL", bad);
            assertLine("GRAPH_BASE_URL", env);
        }
    }

    @Test
    void malformedKekIsNamed() {
        for (String bad : new String[] {"vault:key", "file:", "file:" + tmp.resolve("missing"), "passphrase-env:NOPE",
                "keyvault:http://kv/keys/k", "keyvault:https://kv.vault.azure.net/secrets/k"}) {
            env.put("VAULT_KEK", bad);
            assertLine("VAULT_KEK", env);
        }
    }

    @Test
    void badStorageIsNamed() {
        env.put("VAULT_STORAGE", "https://example.com/");
        assertLine("VAULT_STORAGE", env);
        env.put("VAULT_STORAGE", "nonsense");
        assertLine("VAULT_STORAGE", env);
    }

    @Test
    void exportsGoToVaultExportsAndToVaultStorageOnlyWhenItIsAnEmulator() {
        String azurite = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;"
                + "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;";
        env.put("VAULT_STORAGE", azurite);
        VaultSettings local = VaultSettings.from(env, VaultSettings.FUNCTIONS);
        assertTrue(local.exports().emulator(), "Azurite keeps no versions or soft-deleted copies: exports may sit beside the repository");
        assertEquals(java.time.Duration.ofDays(VaultSettings.DEFAULT_EXPORT_DAYS), local.exportWindow());

        env.put("VAULT_STORAGE", "https://stvault.blob.core.windows.net/");
        SettingsException refused = assertThrows(SettingsException.class, () -> VaultSettings.from(env, VaultSettings.FUNCTIONS).exports());
        assertTrue(refused.getMessage().startsWith("VAULT_EXPORTS is not set: exports need an account with no blob versioning"),
                refused.getMessage());
        env.put("VAULT_STORAGE", "DefaultEndpointsProtocol=https;AccountName=stvault;AccountKey=a2V5;EndpointSuffix=core.windows.net");
        assertThrows(SettingsException.class, () -> VaultSettings.from(env, VaultSettings.FUNCTIONS).exports(), "a keyed Azure account");

        env.put("VAULT_EXPORTS", "https://stexp.blob.core.windows.net/");
        env.put("VAULT_EXPORT_DAYS", "2");
        VaultSettings azure = VaultSettings.from(env, VaultSettings.FUNCTIONS);
        assertFalse(azure.exports().emulator());
        assertEquals(java.time.Duration.ofDays(2), azure.exportWindow());
        env.put("VAULT_EXPORTS", "https://example.com/");
        assertLine("VAULT_EXPORTS must be the account's blob URL", env);
        env.put("VAULT_EXPORTS", "https://stexp.blob.core.windows.net/");
        for (String bad : new String[] {"0", "366", "7d", "-1"}) {
            env.put("VAULT_EXPORT_DAYS", bad);
            assertLine("VAULT_EXPORT_DAYS: must be a whole number of days from 1 to 365, got '" + bad + "'", env);
        }
    }

    @Test
    void localSettingsValuesAreMergedUnderTheEnvironment() throws Exception {
        Path file = tmp.resolve("local.settings.json");
        Files.writeString(file, "{\"IsEncrypted\":false,\"Values\":{\"VAULT_SCHEDULE\":\"0 0 3 * * *\",\"VAULT_STORAGE\":\"x\"}}");
        Map<String, String> merged = VaultSettings.merged(Map.of("VAULT_STORAGE", "UseDevelopmentStorage=true"), file);
        assertEquals("0 0 3 * * *", merged.get("VAULT_SCHEDULE"));
        assertEquals("UseDevelopmentStorage=true", merged.get("VAULT_STORAGE"));
        assertEquals(Map.of(), VaultSettings.merged(Map.of(), tmp.resolve("absent.json")));

        Files.writeString(file, "{\"Values\":[1]}");
        SettingsException e = assertThrows(SettingsException.class, () -> VaultSettings.localSettingsValues(file));
        assertTrue(e.getMessage().contains("\"Values\""), e.getMessage());
        Files.writeString(file, "{\"Values\":{");
        e = assertThrows(SettingsException.class, () -> VaultSettings.localSettingsValues(file));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    private static void assertLine(String prefix, Map<String, String> env) {
        SettingsException e = assertThrows(SettingsException.class, () -> VaultSettings.from(env, VaultSettings.FUNCTIONS),
                "accepted " + env);
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
    }
}
