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
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What makes a restored series the backed-up one, once its master is created with the
 * recurrence: each exception applied to the occurrence it changed ({@code PATCH} of that
 * occurrence) with the attachments it had, each cancelled occurrence deleted ({@code DELETE},
 * which for an event without attendees sends nothing). Occurrences are found by their
 * {@code originalStart} among the series' {@code instances} in a window around the dates touched.
 */
final class SeriesEdits {
    private final GraphRequests graph;
    private final DeltaPager pager;
    private final Attachments attachments;

    SeriesEdits(GraphRequests graph, GraphReader reader, Attachments attachments) {
        this.graph = graph;
        this.pager = new DeltaPager(reader);
        this.attachments = attachments;
    }

    /**
     * The exceptions (by original start) and cancelled starts of a backed-up master, with exceptions
     * stored as rows of their own; the master's files and each exception's own.
     */
    record Plan(Map<Instant, JsonNode> changed, List<Instant> cancelled, List<MessageContent.Attachment> seriesFiles,
                Map<Instant, List<MessageContent.Attachment>> exceptionFiles) {
        static Plan of(JsonNode master, List<JsonNode> ownRows, List<MessageContent.Attachment> seriesFiles,
                       Function<String, List<MessageContent.Attachment>> filesOf) {
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
            Map<Instant, List<MessageContent.Attachment>> exceptionFiles = new HashMap<>();
            changed.forEach((at, x) -> exceptionFiles.put(at, filesOf.apply(Json.text(x, "id"))));
            return new Plan(changed, cancelled, seriesFiles, exceptionFiles);
        }

        boolean empty() {
            return changed.isEmpty() && cancelled.isEmpty();
        }

        /** The bytes of every file the series' restore writes. */
        long fileBytes() {
            long n = seriesFiles.stream().mapToLong(a -> a.bytes().length).sum();
            for (List<MessageContent.Attachment> own : exceptionFiles.values()) {
                n += own.stream().mapToLong(a -> a.bytes().length).sum();
            }
            return n;
        }
    }

    /** @param userPath {@code /users/{id}}; @param masterId the restored master */
    void apply(String userPath, String masterId, Plan plan) throws IOException {
        if (plan.empty()) {
            return;
        }
        Map<Instant, String> occurrences = occurrences(userPath, masterId, plan);
        for (Map.Entry<Instant, JsonNode> x : plan.changed().entrySet()) {
            String path = userPath + "/events/" + Json.seg(occurrence(occurrences, x.getKey()));
            graph.patchJson(path, EventPayload.exception(x.getValue()));
            files(path, plan.seriesFiles(), plan.exceptionFiles().getOrDefault(x.getKey(), List.of()));
        }
        for (Instant c : plan.cancelled()) {
            graph.send(HttpMethod.DELETE, userPath + "/events/" + Json.seg(occurrence(occurrences, c)), null, null);
        }
    }

    /**
     * An exception's attachments made the ones it had. Exchange gives a new exception copies of
     * the series' files; when the backed-up exception had just those, and they are there, nothing
     * is written; otherwise what is there goes and the exception's own are added.
     */
    private void files(String path, List<MessageContent.Attachment> series, List<MessageContent.Attachment> own) throws IOException {
        if (series.isEmpty() && own.isEmpty()) {
            return;
        }
        List<JsonNode> there = pager.all(path.substring(1) + "/attachments?$select=id,name");
        List<String> names = new ArrayList<>();
        there.forEach(a -> names.add(Json.text(a, "name")));
        if (same(series, own) && sorted(names).equals(sorted(own.stream().map(MessageContent.Attachment::name).toList()))) {
            return;
        }
        for (JsonNode a : there) {
            graph.send(HttpMethod.DELETE, path + "/attachments/" + Json.seg(Json.text(a, "id")), null, null);
        }
        for (MessageContent.Attachment a : own) {
            attachments.add(path, a);
        }
    }

    private static boolean same(List<MessageContent.Attachment> a, List<MessageContent.Attachment> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Comparator<MessageContent.Attachment> byName = Comparator.comparing(MessageContent.Attachment::name);
        List<MessageContent.Attachment> x = a.stream().sorted(byName).toList();
        List<MessageContent.Attachment> y = b.stream().sorted(byName).toList();
        for (int i = 0; i < x.size(); i++) {
            if (!x.get(i).name().equals(y.get(i).name()) || !Arrays.equals(x.get(i).bytes(), y.get(i).bytes())) {
                return false;
            }
        }
        return true;
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().sorted(Comparator.nullsFirst(Comparator.naturalOrder())).toList();
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
