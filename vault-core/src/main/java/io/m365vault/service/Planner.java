package io.m365vault.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.graph.GraphNotFoundException;
import io.m365vault.graph.DeltaPager;
import io.m365vault.graph.GraphReader;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.service.BackupPolicy.Rule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@link BackupPolicy} into protected items by enumerating the tenant: {@code /users}
 * (guests skipped), each named group's members transitively, and {@code /sites/getAllSites}
 * without personal sites (OneDrives, backed up as their users' files). A team's files are its
 * group site's default library, so they come with the site; {@code group:<id>} is for naming one
 * group's drive directly.
 * Each user and site appears once with every workload the policy gives it.
 */
public final class Planner {
    private static final Logger LOG = LoggerFactory.getLogger(Planner.class);
    private static final String USER_FIELDS = "$select=id,userPrincipalName,userType";

    private final GraphReader graph;

    public Planner(GraphReader graph) {
        this.graph = graph;
    }

    public Plan plan(BackupPolicy policy) throws IOException {
        List<String> warnings = new ArrayList<>();
        Map<ProtectedItem, Set<Workload>> out = new LinkedHashMap<>();
        if (policy.rules().keySet().stream().anyMatch(BackupPolicy.USER_WORKLOADS::contains)) {
            planUsers(policy, out, warnings);
        }
        if (policy.rules().keySet().stream().anyMatch(BackupPolicy.SITE_WORKLOADS::contains)) {
            planSites(policy, out, warnings);
        }
        List<PlannedItem> items = new ArrayList<>();
        out.forEach((item, workloads) -> items.add(new PlannedItem(item, workloads)));
        LOG.info("planned items={} warnings={}", items.size(), warnings.size());
        return new Plan(items, warnings);
    }

    private void planUsers(BackupPolicy policy, Map<ProtectedItem, Set<Workload>> out, List<String> warnings) throws IOException {
        List<JsonNode> users = new ArrayList<>();
        Map<String, String> byKey = new HashMap<>();
        forEach("users?" + USER_FIELDS, u -> {
            if (!"Guest".equalsIgnoreCase(u.path("userType").asText())) {
                users.add(u);
                byKey.put(u.get("id").asText().toLowerCase(Locale.ROOT), u.get("id").asText());
                byKey.put(u.path("userPrincipalName").asText().toLowerCase(Locale.ROOT), u.get("id").asText());
            }
        });
        Map<String, Set<String>> groupMembers = new HashMap<>();
        for (Map.Entry<Workload, Rule> e : policy.rules().entrySet()) {
            if (!BackupPolicy.USER_WORKLOADS.contains(e.getKey())) {
                continue;
            }
            Rule rule = e.getValue();
            Set<String> named = new HashSet<>();
            for (String u : rule.users()) {
                String id = byKey.get(u.toLowerCase(Locale.ROOT));
                if (id == null) {
                    warn(warnings, e.getKey() + ": user " + u + " is not a member user of the tenant");
                } else {
                    named.add(id);
                }
            }
            for (String g : rule.groups()) {
                named.addAll(groupMembers.computeIfAbsent(g, k -> members(k, warnings)));
            }
            for (JsonNode u : users) {
                String id = u.get("id").asText();
                if (rule.covers(named.contains(id))) {
                    out.computeIfAbsent(new ProtectedItem("user", id), k -> EnumSet.noneOf(Workload.class)).add(e.getKey());
                }
            }
        }
    }

    private Set<String> members(String group, List<String> warnings) {
        Set<String> ids = new HashSet<>();
        try {
            forEach("groups/" + group + "/transitiveMembers/graph.user?" + USER_FIELDS, u -> {
                if (!"Guest".equalsIgnoreCase(u.path("userType").asText())) {
                    ids.add(u.get("id").asText());
                }
            });
        } catch (GraphNotFoundException e) {
            warn(warnings, "group " + group + " does not exist in the tenant");
        } catch (IOException e) {
            throw new PlanningException("cannot list the members of group " + group + ": " + e.getMessage(), e);
        }
        return ids;
    }

    private void planSites(BackupPolicy policy, Map<ProtectedItem, Set<Workload>> out, List<String> warnings) throws IOException {
        List<String> sites = new ArrayList<>();
        forEach("sites/getAllSites?$select=id,webUrl", s -> {
            if (!personal(s)) {
                sites.add(s.get("id").asText());
            }
        });
        Set<String> known = new HashSet<>(sites);
        for (Map.Entry<Workload, Rule> e : policy.rules().entrySet()) {
            if (!BackupPolicy.SITE_WORKLOADS.contains(e.getKey())) {
                continue;
            }
            Rule rule = e.getValue();
            if (rule.mode() != BackupPolicy.Mode.ALL && rule.sites().isEmpty()) {
                continue; // a rule naming only users covers no site
            }
            for (String s : rule.sites()) {
                if (!known.contains(s)) {
                    warn(warnings, e.getKey() + ": site " + s + " is not in the tenant");
                }
            }
            for (String s : sites) {
                if (rule.covers(rule.sites().contains(s))) {
                    out.computeIfAbsent(new ProtectedItem("site", s), k -> EnumSet.noneOf(Workload.class)).add(e.getKey());
                }
            }
        }
    }

    /** A OneDrive's own site, which getAllSites lists too: its files are the user's ({@code user:<id>}), not a site's. */
    static boolean personal(JsonNode site) {
        String url = site.path("webUrl").asText("").toLowerCase(Locale.ROOT);
        return url.contains("-my.sharepoint.com/personal/");
    }

    /** Every element of a paged collection. */
    private void forEach(String path, Consumer<JsonNode> action) throws IOException {
        new DeltaPager(graph).list(path, page -> page.items().forEach(action));
    }

    private static void warn(List<String> warnings, String w) {
        LOG.warn("plan: {}", w);
        warnings.add(w);
    }
}
