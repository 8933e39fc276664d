package io.m365vault.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.backup.Workload;
import java.util.EnumSet;
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

    /** @throws InvalidRequestException one line saying what is wrong with the message */
    public static BackupMessage parse(String json) {
        String what = "backup message";
        JsonNode n = StrictJson.object(json, what, Set.of("run", "item", "workloads"));
        String run = StrictJson.text(n, "run", what);
        if (!TimeIds.valid(run)) {
            throw new InvalidRequestException(what + " has no valid run id");
        }
        String item = StrictJson.text(n, "item", what);
        if (item == null || !n.path("workloads").isArray()) {
            throw new InvalidRequestException(what + " needs item (string) and workloads (array)");
        }
        PlannedItem planned;
        try {
            Set<Workload> workloads = EnumSet.noneOf(Workload.class);
            for (JsonNode w : n.get("workloads")) {
                workloads.add(Workload.parse(w.asText()));
            }
            planned = new PlannedItem(ItemIds.parse(item), workloads);
        } catch (IllegalArgumentException | InvalidRequestException e) {
            throw new InvalidRequestException(what + ": " + e.getMessage());
        }
        return new BackupMessage(run, planned);
    }
}
