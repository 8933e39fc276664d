package io.m365vault.backup.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.backup.Json;
import io.m365vault.backup.SyncContext;
import io.m365vault.graph.DeltaPager;
import io.m365vault.repo.Checkpoint;
import io.m365vault.repo.ContentRef;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What changed in one calendar since the last run, from Graph v1.0's only calendar delta, over a
 * calendar view: the instances in a window that changed or went. A changed single instance names
 * its event; an occurrence or exception names its series master. A removed instance comes as a
 * bare id, so the view keeps, with its delta link, which master each instance it has seen belongs
 * to (stored as a chunk of the repository: a long series has hundreds of instances); a removed id
 * it does not know is a single event's.
 *
 * <p>The window is {@link #REACH} either side of the run that opened it. Changes to events wholly
 * outside it are not in the view: every {@link #RELIST_EVERY} the calendar is listed whole again
 * and a new window opened.
 */
final class CalendarView {
    static final Duration REACH = Duration.ofDays(730);
    static final Duration RELIST_EVERY = Duration.ofDays(7);
    private static final String KEY = "view:";

    /** The events and series masters that changed, or that a removed instance names (single ids not known to be instances). */
    record Changes(Set<String> events, Set<String> masters) { }

    private final SyncContext ctx;
    private final String calendar;
    private final Map<String, Object> state;

    CalendarView(SyncContext ctx, String calendar) {
        this.ctx = ctx;
        this.calendar = calendar;
        this.state = ctx.repo().state().get(ctx.stateScope(), KEY + calendar).orElse(Map.of());
    }

    /** False until a listing of the calendar has finished: a first run, or one that died part way. */
    boolean opened() {
        return state.get("delta") != null;
    }

    /** True when the calendar must be listed whole this run: no view yet, or the last listing is old. */
    boolean relistDue() {
        Object listed = state.get("listed");
        return state.get("delta") == null || !(listed instanceof Number n)
                || Instant.ofEpochMilli(n.longValue()).plus(RELIST_EVERY).isBefore(ctx.runTime());
    }

    /** Opens a new window from now and reads it to its delta link, learning every instance's master. */
    void open() throws IOException {
        Instant from = ctx.runTime().minus(REACH).truncatedTo(ChronoUnit.DAYS);
        Instant to = ctx.runTime().plus(REACH).truncatedTo(ChronoUnit.DAYS);
        String url = ctx.base() + "/calendars/" + Json.seg(calendar) + "/calendarView/delta()?startDateTime=" + from
                + "&endDateTime=" + to;
        Map<String, String> masters = new HashMap<>();
        String delta = new DeltaPager(ctx.graph()).run(url, page -> page.items().forEach(i -> learn(i, masters, null)));
        save(delta, masters, ctx.runTime());
    }

    /** The changes since the stored delta link; the new link is saved with the next commit. */
    Changes changes() throws IOException {
        Map<String, String> masters = load();
        Set<String> events = new LinkedHashSet<>();
        Set<String> series = new LinkedHashSet<>();
        String delta = new DeltaPager(ctx.graph()).run((String) state.get("delta"), page -> {
            for (JsonNode i : page.items()) {
                String id = Json.text(i, "id");
                if (id == null) {
                    continue;
                }
                if (i.has("@removed")) {
                    String master = masters.remove(id);
                    (master != null ? series : events).add(master != null ? master : id);
                } else {
                    learn(i, masters, series);
                    if (Json.text(i, "seriesMasterId") == null) {
                        events.add(id);
                    }
                }
            }
        });
        save(delta, masters, Instant.ofEpochMilli(((Number) state.get("listed")).longValue()));
        return new Changes(events, series);
    }

    private static void learn(JsonNode instance, Map<String, String> masters, Set<String> series) {
        String master = Json.text(instance, "seriesMasterId");
        if (master != null) {
            masters.put(Json.text(instance, "id"), master);
            if (series != null) {
                series.add(master);
            }
        }
    }

    private Map<String, String> load() {
        Map<String, String> out = new HashMap<>();
        if (state.get("masters") instanceof String ref) {
            JsonNode map = Json.read(ctx.repo().reader().readAll(ContentRef.fromBase64(ref)));
            for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), e.getValue().asText());
            }
        }
        return out;
    }

    private void save(String delta, Map<String, String> masters, Instant listed) {
        ObjectNode map = Json.MAPPER.createObjectNode();
        masters.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> map.put(e.getKey(), e.getValue()));
        ContentRef ref = ctx.session().store(Json.bytes(map), ctx.repo().config().chunker(ctx.workload().id()));
        ctx.session().checkpoint(new Checkpoint(ctx.stateScope(), KEY + calendar,
                Map.of("delta", delta, "masters", ref.toBase64(), "listed", listed.toEpochMilli(), "run", ctx.runId())));
    }

    /** The state row of a calendar's view, which goes when the calendar does. */
    static String key(String calendar) {
        return KEY + calendar;
    }
}
