package io.m365vault.maintain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365vault.backup.Workload;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * VAULT_RETENTION: a {@link RetentionRule} for every workload, from JSON such as
 * {@code {"keepAllDays":14,"daily":31,"weekly":13,"monthly":12,"workloads":{"files":{"lastVersions":20}}}}.
 * A workload's fields override the top level's, which override {@link RetentionRule#DEFAULT}.
 * Strict: an unknown field, a workload that does not exist, a value that is not a whole number
 * in range is one {@link IllegalArgumentException} naming it.
 */
public final class RetentionPolicy {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final List<String> FIELDS = List.of("keepAllDays", "daily", "weekly", "monthly", "lastVersions", "deletedDays");
    /** Ten years of anything: beyond it a figure is a typo, not a policy. */
    private static final int MAX = 3650;

    public static final RetentionPolicy DEFAULT = new RetentionPolicy(RetentionRule.DEFAULT, Map.of());

    private final RetentionRule all;
    private final Map<Workload, RetentionRule> byWorkload;

    private RetentionPolicy(RetentionRule all, Map<Workload, RetentionRule> byWorkload) {
        this.all = all;
        this.byWorkload = byWorkload;
    }

    /** The rule of a workload; {@code null} (a row of no known workload) gets the top-level rule. */
    public RetentionRule rule(Workload w) {
        return w == null ? all : byWorkload.getOrDefault(w, all);
    }

    public static RetentionPolicy parse(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("is not valid JSON: " + e.getOriginalMessage().replaceAll("\\s+", " ")
                    + (e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr()));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("must be a JSON object such as {\"keepAllDays\":14,\"daily\":31}");
        }
        RetentionRule all = rule(root, RetentionRule.DEFAULT, "", true);
        Map<Workload, RetentionRule> byWorkload = new EnumMap<>(Workload.class);
        JsonNode workloads = root.get("workloads");
        if (workloads != null) {
            if (!workloads.isObject()) {
                throw new IllegalArgumentException("workloads must be an object of workload name to rule");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = workloads.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Workload w;
                try {
                    w = Workload.parse(e.getKey());
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException("workloads: " + bad.getMessage());
                }
                if (!e.getValue().isObject()) {
                    throw new IllegalArgumentException("workloads." + e.getKey() + " must be an object");
                }
                byWorkload.put(w, rule(e.getValue(), all, "workloads." + e.getKey() + ".", false));
            }
        }
        return new RetentionPolicy(all, byWorkload);
    }

    private static RetentionRule rule(JsonNode n, RetentionRule base, String where, boolean top) {
        for (Iterator<String> f = n.fieldNames(); f.hasNext(); ) {
            String name = f.next();
            if (!FIELDS.contains(name) && !(top && name.equals("workloads"))) {
                throw new IllegalArgumentException("unknown field '" + where + name + "'; known: " + String.join(", ", FIELDS)
                        + (top ? ", workloads" : ""));
            }
        }
        Integer deleted = base.deletedDays();
        if (n.has("deletedDays")) {
            deleted = n.get("deletedDays").isNull() ? null : number(n, "deletedDays", where, 1);
        }
        return new RetentionRule(
                n.has("keepAllDays") ? number(n, "keepAllDays", where, 0) : base.keepAllDays(),
                n.has("daily") ? number(n, "daily", where, 0) : base.daily(),
                n.has("weekly") ? number(n, "weekly", where, 0) : base.weekly(),
                n.has("monthly") ? number(n, "monthly", where, 0) : base.monthly(),
                n.has("lastVersions") ? number(n, "lastVersions", where, 0) : base.lastVersions(),
                deleted);
    }

    private static int number(JsonNode n, String field, String where, int least) {
        JsonNode v = n.get(field);
        if (!v.isIntegralNumber() || v.asLong() < least || v.asLong() > MAX) {
            throw new IllegalArgumentException(where + field + " must be a whole number from " + least + " to " + MAX
                    + (field.equals("deletedDays") ? " (or null: deleted items follow the other rules)" : "") + ", got " + v);
        }
        return v.asInt();
    }

    @Override
    public String toString() {
        return "all=" + all + " " + byWorkload;
    }
}
