package io.m365vault.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.repo.Checkpoint;
import io.m365vault.repo.StateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs and their per-item status in the repository's state table: scope {@code runs} holds one
 * row per run (key = run id), scope {@code run/<id>} one row per protected item (key = item)
 * from the moment a worker takes it. An item without a row is queued: the planned count less
 * the rows. Writing ten thousand queued rows would cost the timer more than sending the
 * messages does (on Azurite, 92 s against 36 s), for nothing a count does not say.
 *
 * <p>Once no item is queued or running, a run's counts do not change (a redelivered message
 * finds its item done and writes nothing), so the first reader to see that stores them on the
 * run's row ({@code summary}) and later listings read one row per run, not one per item. The
 * poison handler, which may still come, writes through {@link #putLate}.
 */
public final class RunStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Runs are kept by month ({@code runs/<yyyyMM>}), so a listing reads the newest months, not every run ever made. */
    private static final String RUNS = "runs/";
    /** How far back a listing looks for runs, in months. */
    private static final int MONTHS_LISTED = 25;
    /** A run's records (its row and its items' rows) are kept this long, then {@link #expire} drops them. */
    public static final java.time.Duration KEPT = java.time.Duration.ofDays(400);
    private static final String SUMMARY = "summary";
    /** A table property holds 64 KiB: errors beyond this many characters are cut. */
    private static final int MAX_ERROR_CHARS = 16_000;

    private final StateStore state;

    public RunStore(StateStore state) {
        this.state = state;
    }

    /** Records a new run of the plan's items, all queued. */
    public void create(String runId, Instant started, String trigger, Plan plan) {
        state.put(new Checkpoint(runs(runId), runId, Map.of("started", started.toString(), "trigger", trigger,
                "planned", (long) plan.items().size(), "warnings", json(plan.warnings()))));
    }

    public void put(String runId, ItemStatus s) {
        state.put(row(runId, s));
    }

    /**
     * For the one writer that may come after a run has finished, the poison handler: writes the
     * item's row, then drops the run's stored summary so that the run is counted again.
     */
    public void putLate(String runId, ItemStatus s) {
        put(runId, s);
        state.get(runs(runId), runId).filter(row -> row.containsKey(SUMMARY)).ifPresent(row -> {
            Map<String, Object> without = new HashMap<>(row);
            without.remove(SUMMARY);
            state.put(new Checkpoint(runs(runId), runId, without));
        });
    }

    public Optional<ItemStatus> item(String runId, ProtectedItem item) {
        return state.get(scope(runId), item.toString()).map(v -> status(item.toString(), v));
    }

    /** The items workers have taken (running or finished, or queued again after a failed attempt). */
    public List<ItemStatus> items(String runId) {
        return state.list(scope(runId)).stream().map(e -> status(e.getKey(), e.getValue())).toList();
    }

    public Optional<RunInfo> run(String runId) {
        return state.get(runs(runId), runId).map(v -> info(runId, v));
    }

    /**
     * The newest {@code limit} runs, newest first, each with its items counted: the months from
     * now back are read one at a time until {@code limit} runs are found or {@link #MONTHS_LISTED}
     * months are read, so a listing costs the same after years of runs.
     */
    public List<RunInfo> list(int limit) {
        List<RunInfo> out = new ArrayList<>();
        java.time.YearMonth month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).plusMonths(1);
        for (int i = 0; i <= MONTHS_LISTED && out.size() < limit; i++, month = month.minusMonths(1)) {
            state.list(RUNS + month.format(MONTH)).stream()
                    .sorted(Map.Entry.<String, Map<String, Object>>comparingByKey(Comparator.reverseOrder()))
                    .limit(limit - out.size())
                    .forEach(e -> out.add(info(e.getKey(), e.getValue())));
        }
        return out;
    }

    /**
     * Drops the records of runs started before {@code cutoff}: each run's item rows, then its row.
     * The timer calls it with {@link #KEPT}, so run records do not grow without bound.
     */
    public int expire(Instant cutoff) {
        int dropped = 0;
        java.time.YearMonth month = java.time.YearMonth.from(cutoff.atZone(java.time.ZoneOffset.UTC));
        for (int i = 0; i <= MONTHS_LISTED; i++, month = month.minusMonths(1)) {
            for (Map.Entry<String, Map<String, Object>> run : state.list(RUNS + month.format(MONTH))) {
                Object started = run.getValue().get("started");
                if (started != null && Instant.parse(started.toString()).isBefore(cutoff)) {
                    for (Map.Entry<String, Map<String, Object>> item : state.list(scope(run.getKey()))) {
                        state.delete(scope(run.getKey()), item.getKey());
                    }
                    state.delete(RUNS + month.format(MONTH), run.getKey());
                    dropped++;
                }
            }
        }
        return dropped;
    }

    private static final java.time.format.DateTimeFormatter MONTH = java.time.format.DateTimeFormatter.ofPattern("yyyyMM");

    /** The scope of a run's row: its month, from the run id's leading date. */
    private static String runs(String runId) {
        return RUNS + runId.substring(0, 6);
    }

    /** From the run's stored summary when it has one; else counted from its items, and stored once final. */
    private RunInfo info(String runId, Map<String, Object> row) {
        Object summary = row.get(SUMMARY);
        if (summary != null) {
            return fromSummary(runId, row, summary.toString());
        }
        RunInfo info = info(runId, row, items(runId));
        if (!info.status().equals("running")) {
            Map<String, Object> withSummary = new HashMap<>(row);
            withSummary.put(SUMMARY, summary(info));
            state.put(new Checkpoint(runs(runId), runId, withSummary));
        }
        return info;
    }

    private static String summary(RunInfo info) {
        Map<String, Object> m = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        info.counts().forEach((k, n) -> counts.put(k.json(), n));
        m.put("counts", counts);
        m.put("items", info.items());
        m.put("bytes", info.bytes());
        m.put("status", info.status());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RunInfo fromSummary(String runId, Map<String, Object> row, String summary) {
        try {
            var n = JSON.readTree(summary);
            Map<ItemState, Long> counts = new EnumMap<>(ItemState.class);
            n.path("counts").fields().forEachRemaining(e -> counts.put(ItemState.parse(e.getKey()), e.getValue().asLong()));
            return new RunInfo(runId, instant(row.get("started")), (String) row.get("trigger"), num(row.get("planned")), counts,
                    n.path("items").asLong(), n.path("bytes").asLong(), n.path("status").asText(), list(row.get("warnings")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable run summary in the state table: " + summary, e);
        }
    }

    private static String scope(String runId) {
        return "run/" + runId;
    }

    private static Checkpoint row(String runId, ItemStatus s) {
        Map<String, Object> v = new HashMap<>();
        v.put("state", s.state().json());
        v.put("workloads", s.workloads().stream().map(Workload::id).sorted().collect(Collectors.joining(",")));
        if (s.started() != null) {
            v.put("started", s.started().toString());
        }
        if (s.finished() != null) {
            v.put("finished", s.finished().toString());
        }
        v.put("items", s.items());
        v.put("added", s.added());
        v.put("changed", s.changed());
        v.put("removed", s.removed());
        v.put("bytes", s.bytes());
        v.put("errors", json(cut(s.errors())));
        v.put("failedItems", json(cut(s.failedItems())));
        return new Checkpoint(scope(runId), s.item().toString(), v);
    }

    private static List<String> cut(List<String> errors) {
        List<String> out = new ArrayList<>();
        int used = 0;
        for (String e : errors) {
            if (used + e.length() > MAX_ERROR_CHARS) {
                out.add("(" + (errors.size() - out.size()) + " more errors cut)");
                break;
            }
            out.add(e);
            used += e.length();
        }
        return out;
    }

    private static ItemStatus status(String item, Map<String, Object> v) {
        String w = (String) v.getOrDefault("workloads", "");
        Set<Workload> workloads = w.isEmpty() ? Set.of()
                : java.util.Arrays.stream(w.split(",")).map(Workload::parse).collect(Collectors.toSet());
        return new ItemStatus(ProtectedItem.parse(item), ItemState.parse((String) v.get("state")), workloads,
                instant(v.get("started")), instant(v.get("finished")), num(v.get("items")), num(v.get("added")),
                num(v.get("changed")), num(v.get("removed")), num(v.get("bytes")), list(v.get("errors")), list(v.get("failedItems")));
    }

    private static RunInfo info(String id, Map<String, Object> v, List<ItemStatus> items) {
        Map<ItemState, Long> counts = new EnumMap<>(ItemState.class);
        long n = 0;
        long bytes = 0;
        for (ItemStatus s : items) {
            counts.merge(s.state(), 1L, Long::sum);
            n += s.items();
            bytes += s.bytes();
        }
        long queued = num(v.get("planned")) - items.size() + counts.getOrDefault(ItemState.QUEUED, 0L);
        if (queued > 0) {
            counts.put(ItemState.QUEUED, queued);
        }
        String status = counts.containsKey(ItemState.QUEUED) || counts.containsKey(ItemState.RUNNING) ? "running"
                : counts.containsKey(ItemState.INTERRUPTED) ? "interrupted"
                : counts.containsKey(ItemState.FAILED) || counts.containsKey(ItemState.POISON) ? "failed" : "done";
        return new RunInfo(id, instant(v.get("started")), (String) v.get("trigger"), num(v.get("planned")), counts, n, bytes,
                status, list(v.get("warnings")));
    }

    private static Instant instant(Object o) {
        return o == null ? null : Instant.parse(o.toString());
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static String json(List<String> l) {
        try {
            return JSON.writeValueAsString(l);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> list(Object o) {
        if (o == null) {
            return List.of();
        }
        try {
            return JSON.readValue(o.toString(), new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable list in the state table: " + o, e);
        }
    }
}
