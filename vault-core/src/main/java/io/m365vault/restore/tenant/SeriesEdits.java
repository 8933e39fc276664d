package io.m365vault.restore.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.kiota.HttpMethod;
import io.m365vault.backup.Json;
import io.m365vault.graph.DeltaPager;
import io.m365vault.graph.GraphReader;
import io.m365vault.graph.GraphRequests;
import io.m365vault.restore.EventTimes;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What makes a restored series the backed-up one, once its master is created with the
 * recurrence: each exception applied to the occurrence it changed ({@code PATCH} of that
 * occurrence), each cancelled occurrence deleted ({@code DELETE}, which for an event without
 * attendees sends nothing). Occurrences are found by their {@code originalStart} among the
 * series' {@code instances} in a window around the dates touched.
 */
final class SeriesEdits {
    private final GraphRequests graph;
    private final DeltaPager pager;

    SeriesEdits(GraphRequests graph, GraphReader reader) {
        this.graph = graph;
        this.pager = new DeltaPager(reader);
    }

    /** The exceptions (by original start) and cancelled starts of a backed-up master, with exceptions stored as rows of their own. */
    record Plan(Map<Instant, JsonNode> changed, List<Instant> cancelled) {
        static Plan of(JsonNode master, List<JsonNode> ownRows) {
            Map<Instant, JsonNode> changed = new LinkedHashMap<>();
            List<Instant> cancelled = new ArrayList<>(EventTimes.of(master).cancelled(master));
            List<JsonNode> all = new ArrayList<>();
            master.path("exceptionOccurrences").forEach(all::add);
            // Rows of their own come later and win: they are the exceptions' own versions.
            all.addAll(ownRows);
            for (JsonNode x : all) {
                String original = Json.text(x, "originalStart");
                if (original == null) {
                    throw new IllegalArgumentException("exception " + Json.text(x, "id") + " of the series has no originalStart");
                }
                Instant at = EventTimes.instant(original);
                if (x.path("isCancelled").asBoolean(false)) {
                    changed.remove(at);
                    cancelled.add(at);
                } else {
                    changed.put(at, x);
                }
            }
            return new Plan(changed, cancelled);
        }

        boolean empty() {
            return changed.isEmpty() && cancelled.isEmpty();
        }
    }

    /** @param userPath {@code /users/{id}}; @param masterId the restored master */
    void apply(String userPath, String masterId, Plan plan) throws IOException {
        if (plan.empty()) {
            return;
        }
        Map<Instant, String> occurrences = occurrences(userPath, masterId, plan);
        for (Map.Entry<Instant, JsonNode> x : plan.changed().entrySet()) {
            graph.patchJson(userPath + "/events/" + Json.seg(occurrence(occurrences, x.getKey())), EventPayload.exception(x.getValue()));
        }
        for (Instant c : plan.cancelled()) {
            graph.send(HttpMethod.DELETE, userPath + "/events/" + Json.seg(occurrence(occurrences, c)), null, null);
        }
    }

    private static String occurrence(Map<Instant, String> occurrences, Instant originalStart) throws IOException {
        String id = occurrences.get(originalStart);
        if (id == null) {
            throw new IOException("the restored series has no occurrence starting " + originalStart + " to change or cancel");
        }
        return id;
    }

    /** The series' occurrences from a day before the first date touched to two days after the last: original start -> id. */
    private Map<Instant, String> occurrences(String userPath, String masterId, Plan plan) throws IOException {
        List<Instant> touched = new ArrayList<>(plan.changed().keySet());
        touched.addAll(plan.cancelled());
        Instant from = touched.stream().min(Instant::compareTo).orElseThrow().minus(Duration.ofDays(1));
        Instant to = touched.stream().max(Instant::compareTo).orElseThrow().plus(Duration.ofDays(2));
        Map<Instant, String> out = new HashMap<>();
        pager.list(userPath.substring(1) + "/events/" + Json.seg(masterId) + "/instances?startDateTime=" + from + "&endDateTime=" + to
                + "&$select=id,originalStart,start", page -> {
            for (JsonNode i : page.items()) {
                String original = Json.text(i, "originalStart");
                if (original != null) {
                    out.put(EventTimes.instant(original), Json.text(i, "id"));
                }
            }
        });
        return out;
    }
}
