package io.m365vault.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Set;

/**
 * The body of one {@code backup-items} queue message: {@code {"run":..,"item":..,"workloads":[..]}}.
 * The queue carries it base64-encoded, as the Functions queue trigger expects.
 */
public record BackupMessage(String run, PlannedItem planned) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public String toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("run", run);
        n.put("item", planned.item().toString());
        planned.workloads().stream().map(Workload::id).sorted().forEach(n.putArray("workloads")::add);
        return n.toString();
    }

    /** @throws IllegalArgumentException one line saying what is wrong with the message */
    public static BackupMessage parse(String json) {
        JsonNode n;
        try {
            n = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("backup message is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("backup message must be a JSON object");
        }
        for (Iterator<String> f = n.fieldNames(); f.hasNext(); ) {
            String name = f.next();
            if (!Set.of("run", "item", "workloads").contains(name)) {
                throw new IllegalArgumentException("backup message has unknown field '" + name + "'");
            }
        }
        String run = n.path("run").asText("");
        if (!n.path("run").isTextual() || !TimeIds.valid(run)) {
            throw new IllegalArgumentException("backup message has no valid run id");
        }
        if (!n.path("item").isTextual() || !n.path("workloads").isArray()) {
            throw new IllegalArgumentException("backup message needs item (string) and workloads (array)");
        }
        Set<Workload> workloads = EnumSet.noneOf(Workload.class);
        for (JsonNode w : n.get("workloads")) {
            workloads.add(Workload.parse(w.asText()));
        }
        return new BackupMessage(run, new PlannedItem(ProtectedItem.parse(n.get("item").asText()), workloads));
    }
}
