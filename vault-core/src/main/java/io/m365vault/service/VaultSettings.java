package io.m365vault.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365vault.config.Setting;
import io.m365vault.graph.GraphSettings;
import io.m365vault.maintain.RetentionPolicy;
import io.m365vault.repo.Kek;
import io.m365vault.repo.Keks;
import io.m365vault.repo.StorageAccount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The settings of DESIGN §6, read and checked once at start-up. Every setting present is checked;
 * those the caller requires must be present. Any problem is one {@link SettingsException} whose
 * message is a single line naming the setting.
 */
public final class VaultSettings {
    /** What the Functions need: storage, key, what to protect and when. */
    public static final Set<Setting> FUNCTIONS = EnumSet.of(Setting.VAULT_STORAGE, Setting.VAULT_KEK, Setting.VAULT_POLICY,
            Setting.VAULT_SCHEDULE);
    /** What a backup or restore from the command line needs. */
    public static final Set<Setting> REPOSITORY = EnumSet.of(Setting.VAULT_STORAGE, Setting.VAULT_KEK);

    /** How long an export stays downloadable when VAULT_EXPORT_DAYS is not set; infra's exportRetentionDays default. */
    public static final int DEFAULT_EXPORT_DAYS = 7;
    /** Within how many days the maintenance timer's verify decrypts every pack, when VAULT_VERIFY_DAYS is not set. */
    public static final int DEFAULT_VERIFY_DAYS = 30;

    private final Map<String, String> values;
    private final StorageAccount storage;
    private final StorageAccount exports;
    private final Duration exportWindow;
    private final Kek kek;
    private final GraphSettings graph;
    private final BackupPolicy policy;
    private final RetentionPolicy retention;
    private final int verifyDays;

    private VaultSettings(Map<String, String> values, StorageAccount storage, StorageAccount exports, Duration exportWindow, Kek kek,
                          GraphSettings graph, BackupPolicy policy, RetentionPolicy retention, int verifyDays) {
        this.values = values;
        this.storage = storage;
        this.exports = exports;
        this.exportWindow = exportWindow;
        this.kek = kek;
        this.graph = graph;
        this.policy = policy;
        this.retention = retention;
        this.verifyDays = verifyDays;
    }

    /**
     * @param env      the environment, or local.settings.json's Values merged under it
     * @param required settings that must be present
     */
    public static VaultSettings from(Map<String, String> env, Set<Setting> required) {
        Map<String, String> values = new HashMap<>();
        env.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                values.put(k, v);
            }
        });
        for (Setting s : Setting.values()) {
            if (required.contains(s) && !values.containsKey(s.name())) {
                throw new SettingsException(s + " is not set: " + s.meaning());
            }
        }
        StorageAccount storage = check(Setting.VAULT_STORAGE, values, StorageAccount::of);
        StorageAccount exports = check(Setting.VAULT_EXPORTS, values, v -> StorageAccount.of(Setting.VAULT_EXPORTS.name(), v));
        Integer exportDays = check(Setting.VAULT_EXPORT_DAYS, values, VaultSettings::days);
        Kek kek = check(Setting.VAULT_KEK, values, spec -> Keks.fromSpec(spec, values));
        BackupPolicy policy = check(Setting.VAULT_POLICY, values, BackupPolicy::parse);
        RetentionPolicy retention = check(Setting.VAULT_RETENTION, values, RetentionPolicy::parse);
        for (Setting cron : new Setting[] {Setting.VAULT_SCHEDULE, Setting.VAULT_MAINTENANCE_SCHEDULE}) {
            check(cron, values, s -> {
                NcronSchedule.check(s);
                return s;
            });
        }
        Integer verifyDays = check(Setting.VAULT_VERIFY_DAYS, values, VaultSettings::days);
        GraphSettings graph;
        try {
            graph = GraphSettings.from(values);
        } catch (IllegalArgumentException e) {
            throw new SettingsException(oneLine(e.getMessage()));
        }
        return new VaultSettings(Collections.unmodifiableMap(values), storage, exports,
                Duration.ofDays(exportDays == null ? DEFAULT_EXPORT_DAYS : exportDays), kek, graph, policy,
                retention == null ? RetentionPolicy.DEFAULT : retention, verifyDays == null ? DEFAULT_VERIFY_DAYS : verifyDays);
    }

    /**
     * The process environment over local.settings.json's "Values" (when the file exists), the
     * way the Functions host and the CLI see them: the environment wins.
     */
    public static Map<String, String> merged(Map<String, String> env, Path localSettings) {
        Map<String, String> out = new HashMap<>();
        if (localSettings != null && Files.isRegularFile(localSettings)) {
            out.putAll(localSettingsValues(localSettings));
        }
        out.putAll(env);
        return out;
    }

    /** The "Values" object of a local.settings.json file. */
    public static Map<String, String> localSettingsValues(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new SettingsException(file + " is not JSON: " + JsonSyntax.describe(e));
        } catch (IOException e) {
            throw new SettingsException(file + " cannot be read as JSON: " + oneLine(e.getMessage()));
        }
        JsonNode v = root == null ? null : root.get("Values");
        if (v == null || !v.isObject()) {
            throw new SettingsException(file + " has no \"Values\" object");
        }
        Map<String, String> out = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw new SettingsException(file + ": Values." + e.getKey() + " must be a string");
            }
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private interface Parser<T> {
        T parse(String value);
    }

    private static <T> T check(Setting s, Map<String, String> values, Parser<T> parser) {
        String v = values.get(s.name());
        if (v == null) {
            return null;
        }
        try {
            return parser.parse(v);
        } catch (RuntimeException e) {
            String m = oneLine(e.getMessage() == null ? e.toString() : e.getMessage());
            throw new SettingsException(m.startsWith(s.name()) ? m : s + ": " + m);
        }
    }

    private static int days(String v) {
        try {
            int d = Integer.parseInt(v.trim());
            if (d >= 1 && d <= 365) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw new IllegalArgumentException("must be a whole number of days from 1 to 365, got '" + v + "'");
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    public Optional<String> get(Setting s) {
        return Optional.ofNullable(values.get(s.name()));
    }

    /** All values as given (for a passphrase variable and the like). */
    public Map<String, String> values() {
        return values;
    }

    public StorageAccount storage() {
        return require(storage, Setting.VAULT_STORAGE);
    }

    /**
     * The account exports are written to: VAULT_EXPORTS, or VAULT_STORAGE's account when that is a
     * local emulator (which keeps no versions or soft-deleted copies). A real VAULT_STORAGE account is
     * refused: infra gives it versioning and soft delete, which would keep every deleted export.
     */
    public StorageAccount exports() {
        if (exports != null) {
            return exports;
        }
        if (storage().emulator()) {
            return storage;
        }
        throw new SettingsException(Setting.VAULT_EXPORTS + " is not set: exports need an account with no blob versioning and no"
                + " soft delete (infra's exports account), not VAULT_STORAGE's, whose versions and soft-deleted copies would keep"
                + " each export past its window");
    }

    /** How long an export stays downloadable (VAULT_EXPORT_DAYS): links end with it, then it is deleted. */
    public Duration exportWindow() {
        return exportWindow;
    }

    public Kek kek() {
        return require(kek, Setting.VAULT_KEK);
    }

    public GraphSettings graph() {
        return graph;
    }

    public BackupPolicy policy() {
        return require(policy, Setting.VAULT_POLICY);
    }

    /** VAULT_RETENTION, or {@link RetentionPolicy#DEFAULT} when it is not set. */
    public RetentionPolicy retention() {
        return retention;
    }

    /** VAULT_VERIFY_DAYS, or {@link #DEFAULT_VERIFY_DAYS}. */
    public int verifyDays() {
        return verifyDays;
    }

    public String schedule() {
        return require(values.get(Setting.VAULT_SCHEDULE.name()), Setting.VAULT_SCHEDULE);
    }

    private static <T> T require(T v, Setting s) {
        if (v == null) {
            throw new SettingsException(s + " is not set: " + s.meaning());
        }
        return v;
    }
}
