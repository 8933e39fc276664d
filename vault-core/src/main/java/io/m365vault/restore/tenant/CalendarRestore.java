package io.m365vault.restore.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.Json;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.backup.exchange.EventAttachmentShape;
import io.m365vault.graph.TenantGraph;
import io.m365vault.graph.TenantGraphReader;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.Repository;
import io.m365vault.restore.SearchScope;
import io.m365vault.restore.EventTimes;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Calendars as they were at a point in time, recreated in a mailbox of the tenant: each event
 * created anew in the calendar {@link TargetCalendars} gives it ({@link EventPayload}: without
 * attendees, which {@link MeetingNote} keeps instead, so no one is invited), its attachments
 * added, and for a series its exceptions and cancellations applied to the occurrences
 * ({@link SeriesEdits}). A series is one item: if any of its writes fails, the whole series is
 * removed again ({@link PartialItem}) and counted failed. Nothing existing is changed.
 */
public final class CalendarRestore {
    private final Repository repo;
    private final TenantGraph graph;
    private final Attachments attachments;
    private final SeriesEdits series;

    public CalendarRestore(Repository repo, TenantGraph graph) {
        this.repo = repo;
        this.graph = graph;
        this.attachments = new Attachments(graph);
        this.series = new SeriesEdits(graph.requests(), new TenantGraphReader(graph, 100), attachments);
    }

    /** One event to create: a single event or a series master, with the exceptions stored as rows of their own. */
    private record Event(CatalogEntry row, JsonNode json, List<JsonNode> ownExceptions) {
    }

    /**
     * @throws RestoreRefusedException nothing backed up at {@code at}, no such mailbox, or no permission to write it
     */
    public TenantRestoreResult restore(String job, ProtectedItem source, Instant at, TenantRestoreOptions options) throws IOException {
        return plan(source, at).run(job, options);
    }

    /** The calendars, events and attachments of the backup at {@code at}. @throws RestoreRefusedException when it holds none */
    public TenantRestorePlan plan(ProtectedItem source, Instant at) {
        return plan(source, at, SearchScope.ALL);
    }

    /** As above, the events the search picks (a series by its master). @throws RestoreRefusedException also when none matches */
    public TenantRestorePlan plan(ProtectedItem source, Instant at, SearchScope search) {
        Map<String, JsonNode> calendars = new HashMap<>();
        List<CatalogEntry> rows = new ArrayList<>();
        Map<String, List<CatalogEntry>> attachmentsOf = new HashMap<>();
        List<CatalogEntry> all = repo.catalog().at(source.partition(Workload.CALENDAR), at);
        List<CatalogEntry> picked = search.apply(all);
        if (!all.isEmpty() && picked.isEmpty()) {
            throw new RestoreRefusedException("nothing of " + source + "'s calendar at " + at + " is matched by the search ("
                    + search.describe() + ")");
        }
        picked.forEach(e -> {
            switch (e.kind()) {
                case ItemKind.CALENDAR -> calendars.put(e.itemId(), Json.read(e.metadata()));
                case ItemKind.EVENT -> rows.add(e);
                case ItemKind.EVENT_ATTACHMENT -> attachmentsOf.computeIfAbsent(EventAttachmentShape.owner(Json.read(e.metadata()), e.parent()),
                        k -> new ArrayList<>()).add(e);
                default -> { }
            }
        });
        if (calendars.isEmpty() && rows.isEmpty()) {
            throw new RestoreRefusedException("nothing of " + source + "'s calendar is in repository " + repo.name() + " at " + at
                    + ": check the protected item and the time");
        }
        List<Event> events = events(rows);
        return new TenantRestorePlan("calendar", events.size(), (job, options) -> checks(job, source, at, options).mailbox("/calendar?$select=id"),
                (job, options) -> write(job, source, at, options, calendars, events,
                attachmentsOf));
    }

    private TenantRestoreResult write(String job, ProtectedItem source, Instant at, TenantRestoreOptions options,
                                      Map<String, JsonNode> calendars, List<Event> events, Map<String, List<CatalogEntry>> attachmentsOf)
            throws IOException {
        RestoreRun run = run(job, source, at, options);
        TargetCalendars targets = new TargetCalendars(graph.requests(), run.user(), calendars, options.folder());
        ExistingItems existing = ExistingItems.events(new TenantGraphReader(graph, 1000), run.user());
        return run.each(events, e -> e.row().itemId(), "calendar event", targets::created, (e, tally) -> {
            String calendar = targets.of(e.row().parent());
            String key = existing.key(e.json());
            if (run.skipped(existing, calendar, key, tally)) {
                return null;
            }
            List<MessageContent.Attachment> files = files(attachmentsOf.getOrDefault(e.row().itemId(), List.of()));
            SeriesEdits.Plan edits = SeriesEdits.Plan.of(e.json(), e.ownExceptions(), files,
                    exception -> files(attachmentsOf.getOrDefault(exception, List.of())));
            long read = e.row().metadata().length + edits.fileBytes();
            return run.remembered(existing, calendar, key, () -> {
                create(run, calendar, e.json(), files, edits);
                return read;
            });
        });
    }

    /** The attachments' files, read from the repository. */
    private List<MessageContent.Attachment> files(List<CatalogEntry> rows) {
        List<MessageContent.Attachment> files = new ArrayList<>();
        for (CatalogEntry a : rows) {
            JsonNode meta = Json.read(a.metadata());
            files.add(new MessageContent.Attachment(meta.path("name").asText("attachment"),
                    meta.path("contentType").asText("application/octet-stream"), repo.reader().readAll(a.content()), Json.text(meta, "contentId"),
                    meta.path("isInline").asBoolean(false)));
        }
        return files;
    }

    private void create(RestoreRun run, String calendar, JsonNode event, List<MessageContent.Attachment> files, SeriesEdits.Plan edits)
            throws IOException {
        JsonNode created = graph.requests().postJson(run.mailbox() + "/calendars/" + Json.seg(calendar) + "/events",
                EventPayload.create(event));
        String id = created.path("id").asText();
        String path = run.mailbox() + "/events/" + Json.seg(id);
        try {
            for (MessageContent.Attachment a : files) {
                attachments.add(path, a);
            }
            if ("seriesMaster".equals(Json.text(created, "type"))) {
                series.apply(run.mailbox(), id, edits);
            }
        } catch (IOException | RuntimeException e) {
            throw PartialItem.removed(graph.requests(), path, e);
        }
    }

    /**
     * The events to create, earliest first: singles and series masters; an exception stored as a
     * row of its own goes with its master, an occurrence is its master's rule. One whose master is
     * not in the backup at that time is created as a single event.
     */
    private static List<Event> events(List<CatalogEntry> rows) {
        Map<String, Event> out = new LinkedHashMap<>();
        Map<String, JsonNode> json = new HashMap<>();
        rows.forEach(r -> json.put(r.itemId(), Json.read(r.metadata())));
        for (CatalogEntry r : rows) {
            JsonNode j = json.get(r.itemId());
            String master = Json.text(j, "seriesMasterId");
            if (master == null || master.equals(r.itemId()) || !json.containsKey(master)) {
                out.putIfAbsent(r.itemId(), new Event(r, j, new ArrayList<>()));
            }
        }
        for (CatalogEntry r : rows) {
            JsonNode j = json.get(r.itemId());
            String master = Json.text(j, "seriesMasterId");
            if ("exception".equals(Json.text(j, "type")) && out.containsKey(master) && !out.containsKey(r.itemId())) {
                out.get(master).ownExceptions().add(j);
            }
        }
        List<Event> sorted = new ArrayList<>(out.values());
        sorted.sort(Comparator.comparing((Event e) -> EventTimes.of(e.json()).start()).thenComparing(e -> e.row().itemId()));
        return sorted;
    }

    private RestoreRun run(String job, ProtectedItem source, Instant at, TenantRestoreOptions options) {
        return new RestoreRun(graph, job, source, at, options, "calendar", "Calendars.ReadWrite");
    }

    private TargetChecks checks(String job, ProtectedItem source, Instant at, TenantRestoreOptions options) {
        return new TargetChecks(graph, run(job, source, at, options));
    }
}
