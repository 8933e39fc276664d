package io.m365vault.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365vault.config.Setting;
import io.m365vault.service.ExportStore;
import io.m365vault.service.VaultSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks the azd definition (azure.yaml, infra/) against the code and the documented Azure
 * and Graph identifiers, since no Bicep compiler or Azure subscription is available here.
 */
class InfraDefinitionTest {
    /**
     * Built-in Azure role definition ids, from the Azure RBAC docs page "Azure built-in roles"
     * (learn.microsoft.com/azure/role-based-access-control/built-in-roles, Storage, Security
     * and Monitor sections).
     */
    private static final Map<String, String> DOCUMENTED_ROLES = Map.of(
            "Storage Blob Data Owner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b",
            "Storage Blob Data Contributor", "ba92f5b4-2d11-453d-a403-e96b0029c9fe",
            "Storage Queue Data Contributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88",
            "Storage Table Data Contributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3",
            "Key Vault Crypto User", "12338af0-0e69-4776-bea7-57ae8d297424",
            "Key Vault Crypto Officer", "14b46e9e-c2b7-41b4-b07b-48a6ebf60603",
            "Monitoring Metrics Publisher", "3913510d-42f4-4e42-8a64-420c390055eb");

    /**
     * Microsoft Graph application permission ids, from "Microsoft Graph permissions reference"
     * (learn.microsoft.com/graph/permissions-reference), application column.
     */
    private static final Map<String, String> DOCUMENTED_GRAPH_APP_ROLES = Map.ofEntries(
            Map.entry("User.Read.All", "df021288-bdef-4463-88db-98f22de89214"),
            Map.entry("GroupMember.Read.All", "98830695-27a2-44f7-8c18-0c3ebc9698f6"),
            Map.entry("MailboxSettings.Read", "40f97065-369a-49f4-947c-6a255697ae91"),
            Map.entry("Mail.Read", "810c84a8-4a9e-49e6-bf7d-12d183f40d01"),
            Map.entry("Mail.ReadWrite", "e2a3a72e-5f79-4c64-b1b1-878b674786c9"),
            Map.entry("Calendars.Read", "798ee544-9d2d-430c-a058-570e29e34338"),
            Map.entry("Calendars.ReadWrite", "ef54d2bf-783f-4e0f-bca1-3210c0444d99"),
            Map.entry("Contacts.Read", "089fe4d0-434a-44c5-8827-41ba8a0b17f5"),
            Map.entry("Contacts.ReadWrite", "6918b873-d17a-4dc1-b314-35f528134491"),
            Map.entry("Files.Read.All", "01d4889c-1287-42c6-ac1f-5d1e02578ef6"),
            Map.entry("Files.ReadWrite.All", "75359482-378d-4052-8f01-80520e7db3cd"),
            Map.entry("Sites.Read.All", "332a536c-c7ef-4017-ab91-336970924f0d"),
            Map.entry("Sites.ReadWrite.All", "9492366f-7969-46a4-8d15-ed1a20078fff"),
            Map.entry("Sites.Manage.All", "0c0bf378-bf22-4481-8f81-9e89a9b4960a"));

    /** SharePoint Online's application permissions (resource 00000003-0000-0ff1-ce00-000000000000), for SharePoint REST. */
    private static final Map<String, String> DOCUMENTED_SHAREPOINT_APP_ROLES = Map.of(
            "sharepoint:Sites.Read.All", "d13f72ca-a275-4b96-b789-48ebcc4da984",
            "sharepoint:Sites.ReadWrite.All", "fbcd29d2-fcca-4405-aded-518d457caae4");

    /** App settings the Flex Consumption plan deprecates (Functions app settings reference). */
    private static final Set<String> FLEX_DEPRECATED_SETTINGS = Set.of(
            "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "FUNCTIONS_WORKER_RUNTIME_VERSION",
            "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTSHARE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING",
            "WEBSITE_TIME_ZONE", "TZ", "SCM_DO_BUILD_DURING_DEPLOYMENT", "ENABLE_ORYX_BUILD");

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(=[^}]*)?}");
    private static final Pattern RAW_PLACEHOLDER_VALUE =
            Pattern.compile("\"([A-Za-z_]\\w*)\"\\s*:\\s*\\{\\s*\"value\"\\s*:\\s*\\$\\{");

    private final Path root = repositoryRoot();
    private final Path infra = root.resolve("infra");

    @Test
    void everyDeployedSettingIsSetOnTheFunctionAppAndNoOtherOne() {
        Set<String> settings = appSettings().keys();
        for (Setting setting : Setting.values()) {
            if (setting.deployed()) {
                assertTrue(settings.contains(setting.name()),
                        setting.name() + " (" + setting.meaning() + ") is not set in infra/modules/functionapp.bicep");
            } else {
                assertFalse(settings.contains(setting.name()),
                        setting.name() + " is local-only (secrets, local serve) and must not be deployed");
            }
        }
    }

    @Test
    void functionAppUsesIdentitiesNotSecretsAndNoFlexDeprecatedSetting() {
        BicepObject settings = appSettings();
        assertEquals("'managedidentity'", settings.value("AzureWebJobsStorage__credential").orElse(""));
        assertTrue(settings.keys().containsAll(Set.of("AzureWebJobsStorage__accountName", "AzureWebJobsStorage__clientId")));
        assertFalse(settings.keys().contains("AzureWebJobsStorage"), "AzureWebJobsStorage would be a key-based connection string");
        assertEquals("'managedidentity'", settings.value("VAULT_QUEUES__credential").orElse(""));
        assertTrue(settings.value("APPLICATIONINSIGHTS_AUTHENTICATION_STRING").orElse("").contains("Authorization=AAD"));
        assertEquals("identityClientId", settings.value("GRAPH_CLIENT_ID").orElse(""));
        for (String deprecated : FLEX_DEPRECATED_SETTINGS) {
            assertFalse(settings.keys().contains(deprecated), deprecated + " is deprecated on Flex Consumption");
        }
        BicepSource functionApp = source("modules/functionapp.bicep");
        BicepObject config = functionApp.resource("app").object("properties").object("functionAppConfig");
        assertEquals("'java'", config.object("runtime").value("name").orElse(""));
        assertEquals("'17'", config.object("runtime").value("version").orElse(""));
        assertEquals("'UserAssignedIdentity'",
                config.object("deployment").object("storage").object("authentication").value("type").orElse(""));
        assertEquals("'FC1'", functionApp.resource("plan").object("sku").value("name").orElse(""));
    }

    @Test
    void javaOptsAndTheConsumptionPlansSettingGiveTheWorkersTheC2CompilerBack() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^var javaArguments = '([^']*)'")
                .matcher(source("modules/functionapp.bicep").code());
        String javaArguments = m.find() ? m.group(1) : "";
        assertTrue(javaArguments.contains("-XX:TieredStopAtLevel=4"), "javaArguments is " + javaArguments);
        // Microsoft documents JAVA_OPTS for Premium/Dedicated, languageWorkers__java__arguments for Consumption-type plans.
        assertEquals("javaArguments", appSettings().value("JAVA_OPTS").orElse(""));
        assertEquals("javaArguments", appSettings().value("languageWorkers__java__arguments").orElse(""));
    }

    @Test
    void mainPassesVaultSettingsOfTheRightShape() {
        BicepSource.ModuleCall call = moduleCall(source("main.bicep"), "functionApp");
        Map<String, String> passed = moduleParamValues(source("main.bicep"), "functionApp");
        assertTrue(passed.get("vaultKek").startsWith("'keyvault:${"), "VAULT_KEK must be keyvault:<key uri>, is " + passed.get("vaultKek"));
        assertTrue(passed.get("vaultStorage").contains(".outputs.blobEndpoint"), "VAULT_STORAGE must be the blob URL");
        assertTrue(call.params().contains("vaultPolicy"));
    }

    /**
     * What makes "a deleted export is gone" true in Azure: the exports account keeps no versions
     * and no soft-deleted copies, the app is pointed at it (not at the backup account, which keeps
     * both), and the app's window, the lifecycle back-stop and the code's default agree.
     */
    @Test
    void exportsLiveInAnAccountThatKeepsNoVersionOrSoftDeletedCopy() {
        BicepSource exports = source("modules/exportstorage.bicep");
        BicepObject blob = exports.resource("blobService").object("properties");
        assertEquals("false", blob.value("isVersioningEnabled").orElse(""), "versioning keeps a deleted export as a version");
        for (String copyKeeping : List.of("deleteRetentionPolicy", "containerDeleteRetentionPolicy", "changeFeed", "restorePolicy")) {
            assertEquals("false", blob.object(copyKeeping).value("enabled").orElse(""), copyKeeping + " must be off on the exports account");
        }
        assertFalse(exports.code().contains("immutab"), "an immutable export could not be deleted at the window's end");
        BicepObject account = exports.resource("account").object("properties");
        assertEquals("false", account.value("allowSharedKeyAccess").orElse(""),
                "with shared keys the account key could sign links past an export's window");
        assertEquals("'Standard_LRS'", exports.resource("account").object("sku").value("name").orElse(""));
        assertEquals("'" + ExportStore.CONTAINER + "'", exports.code().replaceAll("(?s).*var exportContainerName = ('[^']*').*", "$1"));
        String rules = exports.resource("lifecycle").object("properties").object("policy").value("rules").orElse("");
        assertTrue(rules.contains("'${exportContainerName}/'") && rules.matches("(?s).*delete:\\s*\\{\\s*daysAfterModificationGreaterThan: exportRetentionDays\\s*}.*"),
                "the lifecycle back-stop deletes exports after exportRetentionDays: " + rules);
        assertTrue(exports.roleNameLists().contains("Storage Blob Data Contributor"), "the app writes, deletes and signs links");

        BicepSource main = source("main.bicep");
        assertEquals("modules/exportstorage.bicep", moduleCall(main, "exportStorage").path());
        Map<String, String> app = moduleParamValues(main, "functionApp");
        assertEquals("exportStorage.outputs.blobEndpoint", app.get("vaultExports"), "VAULT_EXPORTS must be the exports account");
        assertEquals("exportRetentionDays", app.get("vaultExportDays"));
        assertEquals("exportRetentionDays", moduleParamValues(main, "exportStorage").get("exportRetentionDays"),
                "the lifecycle back-stop and the app's window are one parameter");
        assertEquals("vaultExports", appSettings().value("VAULT_EXPORTS").orElse(""));
        assertEquals("string(vaultExportDays)", appSettings().value("VAULT_EXPORT_DAYS").orElse(""));
        assertTrue(main.code().contains("param exportRetentionDays int = " + VaultSettings.DEFAULT_EXPORT_DAYS + "\n"),
                "main.bicep's default window is the code's");
        assertFalse(source("modules/storage.bicep").code().contains("resource exportContainer"),
                "the backup account (versioning, soft delete) must not hold an exports container");
    }

    @Test
    void everyReferencedModuleExistsAndEveryCallMatchesItsParamsAndOutputs() {
        Deque<Path> pending = new ArrayDeque<>(List.of(infra.resolve("main.bicep")));
        Set<Path> seen = new TreeSet<>();
        while (!pending.isEmpty()) {
            Path file = pending.pop().normalize();
            if (!seen.add(file)) {
                continue;
            }
            assertTrue(Files.isRegularFile(file), "referenced Bicep file is missing: " + root.relativize(file));
            BicepSource source = BicepSource.read(file);
            for (String imported : source.imports()) {
                pending.push(file.resolveSibling(imported));
            }
            Map<String, BicepSource> calledModules = new LinkedHashMap<>();
            for (BicepSource.ModuleCall call : source.modules()) {
                Path target = file.resolveSibling(call.path()).normalize();
                assertTrue(Files.isRegularFile(target),
                        root.relativize(file) + ": module " + call.symbol() + " refers to missing " + call.path());
                pending.push(target);
                BicepSource module = BicepSource.read(target);
                calledModules.put(call.symbol(), module);
                Map<String, BicepSource.Param> declared = module.params();
                for (String name : call.params()) {
                    assertTrue(declared.containsKey(name),
                            root.relativize(file) + ": module " + call.symbol() + " passes unknown param " + name);
                }
                for (BicepSource.Param param : declared.values()) {
                    assertTrue(param.hasDefault() || call.params().contains(param.name()),
                            root.relativize(file) + ": module " + call.symbol() + " leaves out required param " + param.name());
                }
            }
            for (BicepSource.OutputReference ref : source.outputReferences()) {
                BicepSource module = calledModules.get(ref.symbol());
                assertTrue(module != null, root.relativize(file) + ": " + ref.symbol() + ".outputs used but no such module");
                assertTrue(module.outputs().contains(ref.output()),
                        root.relativize(file) + ": module " + ref.symbol() + " has no output " + ref.output());
            }
        }
        assertTrue(seen.size() >= 7, "expected main.bicep and its modules, saw " + seen);
    }

    @Test
    void roleDefinitionIdsAreTheDocumentedBuiltInOnes() throws IOException {
        BicepObject table = new BicepObject(new BicepScanner(source("modules/roles.bicep").code()),
                source("modules/roles.bicep").code().indexOf('{'));
        for (String name : table.keys()) {
            String id = table.value(name).orElseThrow().replace("'", "");
            assertEquals(DOCUMENTED_ROLES.get(name), id, "role '" + name + "' in infra/modules/roles.bicep");
        }
        Set<String> documentedIds = Set.copyOf(DOCUMENTED_ROLES.values());
        Pattern roleUse = Pattern.compile("builtInRoles\\['([^']+)']");
        List<Path> bicepFiles = bicepFiles();
        for (Path file : bicepFiles) {
            String code = BicepSource.read(file).code();
            Matcher guid = GUID.matcher(code);
            while (guid.find()) {
                assertTrue(documentedIds.contains(guid.group().toLowerCase()),
                        root.relativize(file) + " uses " + guid.group() + ", not a documented built-in role id");
            }
            List<String> assigned = new ArrayList<>(BicepSource.read(file).roleNameLists());
            Matcher use = roleUse.matcher(code);
            while (use.find()) {
                assigned.add(use.group(1));
            }
            for (String role : assigned) {
                assertTrue(table.keys().contains(role),
                        root.relativize(file) + " assigns role '" + role + "', absent from roles.bicep");
            }
            assertFalse(code.contains("roleDefinitions', '"),
                    root.relativize(file) + " writes a role id inline instead of using roles.bicep");
        }
        List<String> backupRoles = source("modules/storage.bicep").roleNameLists();
        assertTrue(backupRoles.contains("Storage Blob Data Contributor"), "backup account roles: " + backupRoles);
        assertFalse(backupRoles.contains("Storage Blob Data Owner"), "Owner on the backup account is more than the app needs");
    }

    @Test
    void parametersFileMatchesMainBicep() throws IOException {
        String json = Files.readString(infra.resolve("main.parameters.json"), StandardCharsets.UTF_8);
        Map<String, BicepSource.Param> params = source("main.bicep").params();
        Matcher raw = RAW_PLACEHOLDER_VALUE.matcher(json);
        while (raw.find()) {
            BicepSource.Param param = params.get(raw.group(1));
            assertTrue(param != null && (param.type().equals("object") || param.type().equals("array")),
                    raw.group(1) + " takes an unquoted ${...}: only an object or array param can");
        }
        // azd replaces ${NAME} and ${NAME=default} before parsing; stand in a neutral value.
        JsonNode file = new ObjectMapper().readTree(PLACEHOLDER.matcher(json).replaceAll("0"));
        Set<String> given = new TreeSet<>();
        for (Iterator<String> names = file.path("parameters").fieldNames(); names.hasNext(); ) {
            String name = names.next();
            given.add(name);
            assertTrue(params.containsKey(name), "main.parameters.json sets " + name + ", not a param of main.bicep");
            assertTrue(file.path("parameters").path(name).has("value"), name + " has no value");
        }
        for (BicepSource.Param param : params.values()) {
            assertTrue(param.hasDefault() || given.contains(param.name()),
                    "main.bicep param " + param.name() + " has no default and is not in main.parameters.json");
        }
        assertTrue(json.contains("${AZURE_ENV_NAME}") && json.contains("${AZURE_LOCATION}"));
    }

    @Test
    void azureYamlDeploysTheFunctionsModuleAndHooksTheGraphGrant() throws IOException {
        Map<String, Object> yaml = SimpleYaml.parse(Files.readString(root.resolve("azure.yaml"), StandardCharsets.UTF_8));
        @SuppressWarnings("unchecked")
        Map<String, Object> services = (Map<String, Object>) yaml.get("services");
        assertEquals(Set.of("functions"), services.keySet());
        assertEquals("java", SimpleYaml.at(yaml, "services", "functions", "language"));
        assertEquals("function", SimpleYaml.at(yaml, "services", "functions", "host"));
        Path project = root.resolve((String) SimpleYaml.at(yaml, "services", "functions", "project")).normalize();
        assertEquals(root.resolve("functions"), project);
        assertTrue(Files.isRegularFile(project.resolve("pom.xml")));
        assertEquals("infra", SimpleYaml.at(yaml, "infra", "path"));
        assertEquals("main", SimpleYaml.at(yaml, "infra", "module"));
        assertTrue(source("main.bicep").code().contains("var serviceName = 'functions'"),
                "the azd-service-name tag must match the azure.yaml service");
        Path hook = root.resolve((String) SimpleYaml.at(yaml, "hooks", "postprovision", "run")).normalize();
        assertTrue(Files.isRegularFile(hook), "postprovision hook is missing: " + hook);
        assertTrue(Files.isExecutable(hook), "postprovision hook is not executable: " + hook);
        assertEquals("sh", SimpleYaml.at(yaml, "hooks", "postprovision", "shell"));
    }

    @Test
    void graphGrantSelectsLeastDocumentedRolesAndTheReadmeListsThem() throws Exception {
        List<String> backup = grantList(Map.of());
        List<String> restore = grantList(Map.of("VAULT_GRAPH_RESTORE", "true"));
        List<String> mailOnly = grantList(Map.of("VAULT_GRAPH_WORKLOADS", "mail"));
        assertEquals(List.of("GroupMember.Read.All", "Mail.Read", "MailboxSettings.Read", "User.Read.All"), mailOnly);
        assertTrue(backup.contains("sharepoint:Sites.Read.All"), "lists read item attachments through SharePoint REST: " + backup);
        assertFalse(grantList(Map.of("VAULT_GRAPH_WORKLOADS", "files,pages")).contains("sharepoint:Sites.Read.All"), "only lists need SharePoint's own role");
        assertTrue(backup.stream().noneMatch(role -> role.contains("ReadWrite")), "backup alone needs no write role: " + backup);
        assertTrue(restore.containsAll(List.of("Mail.ReadWrite", "Calendars.ReadWrite", "Contacts.ReadWrite",
                "Files.ReadWrite.All", "Sites.ReadWrite.All", "Sites.Manage.All", "sharepoint:Sites.ReadWrite.All")), "restore roles: " + restore);
        assertFalse(restore.contains("sharepoint:Sites.Read.All"), "SharePoint's ReadWrite includes its Read: " + restore);
        assertFalse(restore.contains("Mail.Read"), "Mail.ReadWrite includes Mail.Read: " + restore);
        String readme = Files.readString(root.resolve("README.md"), StandardCharsets.UTF_8);
        for (String role : Stream.concat(backup.stream(), restore.stream()).collect(Collectors.toCollection(TreeSet::new))) {
            String id = role.startsWith("sharepoint:") ? DOCUMENTED_SHAREPOINT_APP_ROLES.get(role) : DOCUMENTED_GRAPH_APP_ROLES.get(role);
            assertTrue(id != null, role + " is not a documented Graph or SharePoint application permission");
            String name = role.substring(role.indexOf(':') + 1);
            assertTrue(readme.contains("`" + name + "`") && readme.contains(id),
                    "README must list " + name + " with its id " + id);
        }
    }

    /** The roles grant-graph-permissions.sh selects for these settings (its --list mode). */
    private List<String> grantList(Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", infra.resolve("scripts/grant-graph-permissions.sh").toString(), "--list")
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("VAULT_GRAPH_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        return Arrays.stream(out.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toList());
    }

    private BicepObject appSettings() {
        return source("modules/functionapp.bicep").resource("settings").object("properties");
    }

    private Map<String, String> moduleParamValues(BicepSource source, String symbol) {
        Matcher m = Pattern.compile("(?m)^module\\s+" + symbol + "\\s").matcher(source.code());
        if (!m.find()) {
            fail("no module " + symbol + " in " + source.path());
        }
        BicepScanner scanner = new BicepScanner(source.code());
        BicepObject params = new BicepObject(scanner, source.code().indexOf('{', m.end())).object("params");
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : params.keys()) {
            values.put(key, params.value(key).orElseThrow());
        }
        return values;
    }

    private static BicepSource.ModuleCall moduleCall(BicepSource source, String symbol) {
        return source.modules().stream().filter(call -> call.symbol().equals(symbol)).findFirst()
                .orElseThrow(() -> new AssertionError("no module " + symbol + " in " + source.path()));
    }

    private BicepSource source(String relative) {
        return BicepSource.read(infra.resolve(relative));
    }

    private List<Path> bicepFiles() throws IOException {
        try (Stream<Path> files = Files.walk(infra)) {
            return files.filter(p -> p.toString().endsWith(".bicep")).sorted().collect(Collectors.toCollection(ArrayList::new));
        }
    }

    /** The directory holding the reactor pom and the functions module (tests run in functions/). */
    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("functions"))) {
                return dir;
            }
        }
        throw new IllegalStateException("repository root not found above " + Path.of("").toAbsolutePath());
    }
}
