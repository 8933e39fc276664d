package io.m365vault.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.backup.Workload;
import java.time.Instant;
import java.util.List;

/** The JSON shapes the HTTP API answers with (the CLI's --json output uses the same). */
public final class ApiJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ApiJson() {
    }

    static ObjectNode run(RunInfo r) {
        ObjectNode n = F.objectNode();
        n.put("id", r.id());
        time(n, "started", r.started());
        n.put("trigger", r.trigger());
        n.put("status", r.status());
        n.put("planned", r.planned());
        ObjectNode counts = n.putObject("items");
        for (ItemState s : ItemState.values()) {
            counts.put(s.json(), r.counts().getOrDefault(s, 0L));
        }
        n.put("itemsSeen", r.items());
        n.put("bytes", r.bytes());
        strings(n.putArray("warnings"), r.warnings());
        return n;
    }

    /** A protected item of the inventory, as GET /api/items lists it. */
    public static ObjectNode inventory(Inventory.Entry e) {
        ObjectNode n = F.objectNode();
        n.put("item", e.item().toString());
        n.put("name", e.name());
        n.put("principal", e.principal());
        e.workloads().stream().map(Workload::id).sorted().forEach(n.putArray("workloads")::add);
        time(n, "firstBackup", e.firstBackup());
        time(n, "lastBackup", e.lastBackup());
        n.put("lastRun", e.lastRun());
        n.put("lastOutcome", e.lastState());
        return n;
    }

    static ObjectNode item(ItemStatus s) {
        ObjectNode n = F.objectNode();
        n.put("item", s.item().toString());
        n.put("state", s.state().json());
        s.workloads().stream().map(Workload::id).sorted().forEach(n.putArray("workloads")::add);
        time(n, "started", s.started());
        time(n, "finished", s.finished());
        n.put("items", s.items());
        n.put("added", s.added());
        n.put("changed", s.changed());
        n.put("removed", s.removed());
        n.put("bytes", s.bytes());
        strings(n.putArray("errors"), s.errors());
        strings(n.putArray("failedItems"), s.failedItems());
        return n;
    }

    static ObjectNode job(RestoreJob j) {
        ObjectNode n = F.objectNode();
        n.put("id", j.id());
        n.put("status", j.state());
        n.set("request", F.objectNode().setAll((ObjectNode) parse(j.request().toJson())));
        time(n, "created", j.created());
        time(n, "finished", j.finished());
        if (j.error() != null) {
            n.put("error", j.error());
        }
        if (j.blob() != null) {
            n.put("blob", ExportStore.CONTAINER + "/" + j.blob());
            n.put("bytes", j.bytes());
            n.put("files", j.files());
            n.put("failures", j.failures());
        }
        if (j.tenant() != null) {
            TenantProgress t = j.tenant();
            ObjectNode p = n.putObject("progress");
            p.put("items", t.items()).put("done", t.done()).put("restored", t.restored()).put("skipped", t.skipped())
                    .put("failed", t.failed()).put("bytes", t.bytes()).put("perMinute", t.perMinute()).put("etaSeconds", t.etaSeconds());
            strings(n.putArray("failedItems"), t.failedItems());
            strings(n.putArray("notes"), t.notes());
        }
        if (j.link() != null) {
            n.put("download", j.link());
            time(n, "downloadExpires", j.linkExpires());
        }
        return n;
    }

    static ObjectNode entry(BrowseEntry e) {
        ObjectNode n = F.objectNode();
        n.put("id", e.id());
        n.put("kind", e.kind());
        n.put("name", e.name());
        n.put("folder", e.container());
        n.put("size", e.size());
        time(n, "validFrom", e.validFrom());
        time(n, "validTo", e.validTo());
        return n;
    }

    static ObjectNode hit(ItemSearch.Hit h) {
        ObjectNode n = entry(h.entry());
        n.put("path", h.path());
        n.put("sender", h.sender());
        time(n, "date", h.date());
        return n;
    }

    static ArrayNode array() {
        return F.arrayNode();
    }

    static ObjectNode object() {
        return F.objectNode();
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void time(ObjectNode n, String field, Instant t) {
        if (t == null) {
            n.putNull(field);
        } else {
            n.put(field, t.toString());
        }
    }

    private static void strings(ArrayNode a, List<String> l) {
        l.forEach(a::add);
    }
}
