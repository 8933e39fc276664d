package io.m365vault.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365vault.backup.Workload;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * VAULT_POLICY: what to protect, per workload. Each workload named is {@code "all"} or an object
 * <pre>{"mode": "all" | "selected" | "allExcept", "users": [id or UPN], "groups": [group id], "sites": [site id]}</pre>
 * and {@code files} may add {@code "versions": N}: besides each file's current version, its N
 * versions before it (0, the default: the current one only).
 * Groups stand for their members, expanded transitively. Users and groups apply to the users'
 * workloads (mail, calendar, contacts, OneDrive files); sites to files, lists and pages.
 * A workload not named is not protected.
 */
public record BackupPolicy(Map<Workload, Rule> rules) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** Workloads a user has. */
    public static final Set<Workload> USER_WORKLOADS = Set.of(Workload.MAIL, Workload.CALENDAR, Workload.CONTACTS, Workload.FILES);
    /** Workloads a site has. */
    public static final Set<Workload> SITE_WORKLOADS = Set.of(Workload.FILES, Workload.LISTS, Workload.PAGES);

    public enum Mode {
        ALL("all"), SELECTED("selected"), ALL_EXCEPT("allExcept");

        private final String json;

        Mode(String json) {
            this.json = json;
        }

        static Mode parse(String s, String where) {
            for (Mode m : values()) {
                if (m.json.equals(s)) {
                    return m;
                }
            }
            throw new IllegalArgumentException(where + ".mode must be all, selected or allExcept, got '" + s + "'");
        }
    }

    /** One workload's rule: the mode, the users, groups and sites it names, and (files) the earlier versions to keep. */
    public record Rule(Mode mode, Set<String> users, Set<String> groups, Set<String> sites, int versions) {
        public Rule {
            users = Collections.unmodifiableSet(new LinkedHashSet<>(users));
            groups = Collections.unmodifiableSet(new LinkedHashSet<>(groups));
            sites = Collections.unmodifiableSet(new LinkedHashSet<>(sites));
        }

        public Rule(Mode mode, Set<String> users, Set<String> groups, Set<String> sites) {
            this(mode, users, groups, sites, 0);
        }

        public static Rule all() {
            return new Rule(Mode.ALL, Set.of(), Set.of(), Set.of());
        }

        /** Whether a principal counted as "named" (a listed user, a member of a listed group or a listed site) is covered. */
        public boolean covers(boolean named) {
            return switch (mode) {
                case ALL -> true;
                case SELECTED -> named;
                case ALL_EXCEPT -> !named;
            };
        }
    }

    public BackupPolicy {
        rules = Collections.unmodifiableMap(new EnumMap<>(rules));
    }

    /** How many versions before the current one each file keeps ({@code files.versions}). */
    public int fileVersions() {
        Rule files = rules.get(Workload.FILES);
        return files == null ? 0 : files.versions();
    }

    /** @throws IllegalArgumentException one line saying what is wrong, without the setting's name */
    public static BackupPolicy parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + JsonSyntax.describe(e));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("must be a JSON object of workloads, e.g. {\"mail\":\"all\"}");
        }
        if (root.isEmpty()) {
            throw new IllegalArgumentException("names no workload, so nothing would be protected, e.g. {\"mail\":\"all\"}");
        }
        Map<Workload, Rule> rules = new EnumMap<>(Workload.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Workload w = Workload.parse(e.getKey());
            rules.put(w, rule(w, e.getValue()));
        }
        return new BackupPolicy(rules);
    }

    private static Rule rule(Workload w, JsonNode n) {
        String where = w.id();
        if (n.isTextual()) {
            if (Mode.parse(n.asText(), where) != Mode.ALL) {
                throw new IllegalArgumentException(where + ": \"" + n.asText() + "\" needs an object naming users, groups or sites");
            }
            return Rule.all();
        }
        if (!n.isObject()) {
            throw new IllegalArgumentException(where + " must be \"all\" or an object {\"mode\":...}");
        }
        for (Iterator<String> f = n.fieldNames(); f.hasNext(); ) {
            String name = f.next();
            if (!List.of("mode", "users", "groups", "sites").contains(name) && !(w == Workload.FILES && name.equals("versions"))) {
                throw new IllegalArgumentException(where + " has unknown field '" + name + "' (mode, users, groups, sites"
                        + (w == Workload.FILES ? ", versions)" : ")"));
            }
        }
        if (!n.path("mode").isTextual()) {
            throw new IllegalArgumentException(where + ".mode is missing: all, selected or allExcept");
        }
        Mode mode = Mode.parse(n.get("mode").asText(), where);
        List<String> users = names(n, "users", where);
        List<String> groups = names(n, "groups", where);
        List<String> sites = names(n, "sites", where);
        if (!SITE_WORKLOADS.contains(w) && !sites.isEmpty()) {
            throw new IllegalArgumentException(where + " protects users; sites apply to files, lists and pages");
        }
        if (!USER_WORKLOADS.contains(w) && !(users.isEmpty() && groups.isEmpty())) {
            throw new IllegalArgumentException(where + " protects sites; users and groups apply to mail, calendar, contacts and files");
        }
        boolean none = users.isEmpty() && groups.isEmpty() && sites.isEmpty();
        if (mode == Mode.ALL && !none) {
            throw new IllegalArgumentException(where + ": mode all names no users, groups or sites (use allExcept)");
        }
        if (mode != Mode.ALL && none) {
            throw new IllegalArgumentException(where + ": mode " + mode.json + " needs users, groups or sites");
        }
        JsonNode versions = n.get("versions");
        if (versions != null && (!versions.canConvertToInt() || !versions.isIntegralNumber() || versions.asInt() < 0 || versions.asInt() > 500)) {
            throw new IllegalArgumentException(where + ".versions must be a whole number of versions from 0 to 500, got " + versions);
        }
        return new Rule(mode, Set.copyOf(users), Set.copyOf(groups), Set.copyOf(sites), versions == null ? 0 : versions.asInt());
    }

    private static List<String> names(JsonNode n, String field, String where) {
        JsonNode a = n.get(field);
        List<String> out = new ArrayList<>();
        if (a == null) {
            return out;
        }
        if (!a.isArray()) {
            throw new IllegalArgumentException(where + "." + field + " must be an array of strings");
        }
        for (JsonNode s : a) {
            if (!s.isTextual() || s.asText().isBlank()) {
                throw new IllegalArgumentException(where + "." + field + " must hold non-empty strings, got " + s);
            }
            out.add(s.asText().trim());
        }
        return out;
    }
}
