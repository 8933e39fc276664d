package io.m365vault.restore;

import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.text.ICalWriter;
import biweekly.property.Attachment;
import com.fasterxml.jackson.databind.JsonNode;
import io.m365vault.backup.ItemKind;
import io.m365vault.backup.exchange.EventAttachmentShape;
import io.m365vault.repo.CatalogEntry;
import io.m365vault.repo.ContentReader;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Calendars to {@code calendar/<name>.ics}, one VCALENDAR each (RFC 5545). A series is its master
 * with RRULE and EXDATEs, followed by its exceptions with RECURRENCE-ID; occurrences are not
 * written (the rule makes them) unless their master is missing at that point in time. Attachments
 * are written beside the calendar, {@code calendar/<name>.attachments/<event>/<file>}, byte for
 * byte, and named in their event by an ATTACH whose URI is that path relative to the .ics file.
 */
final class CalendarExport {
    static final String DIR = "calendar";

    private final ContentReader reader;
    private final ExportTarget target;
    private final ExportLedger ledger;
    private final Instant at;

    CalendarExport(ContentReader reader, ExportTarget target, ExportLedger ledger, Instant at) {
        this.reader = reader;
        this.target = target;
        this.ledger = ledger;
        this.at = at;
    }

    void export(List<CatalogEntry> calendars, List<CatalogEntry> events, List<CatalogEntry> attachments) throws IOException {
        Map<String, String> names = new HashMap<>();
        calendars.forEach(c -> names.put(c.itemId(), SafeNames.segment(GraphJson.text(GraphJson.of(c), "name"), "calendar")));
        Map<String, List<CatalogEntry>> byCalendar = new TreeMap<>();
        for (CatalogEntry e : events) {
            byCalendar.computeIfAbsent(names.containsKey(e.parent()) ? e.parent() : "", k -> new ArrayList<>()).add(e);
        }
        Map<String, List<CatalogEntry>> attachmentsByEvent = new HashMap<>();
        attachments.forEach(a -> attachmentsByEvent.computeIfAbsent(EventAttachmentShape.owner(GraphJson.of(a), a.parent()),
                k -> new ArrayList<>()).add(a));

        SafeNames.Siblings files = new SafeNames.Siblings();
        List<CatalogEntry> ordered = new ArrayList<>(calendars);
        ordered.sort(Comparator.comparing((CatalogEntry c) -> names.get(c.itemId())).thenComparing(CatalogEntry::itemId));
        for (CatalogEntry c : ordered) {
            String name = files.claim(names.get(c.itemId()), "", ".ics", c.itemId());
            writeCalendar(name, GraphJson.text(GraphJson.of(c), "name"), byCalendar.getOrDefault(c.itemId(), List.of()),
                    attachmentsByEvent);
            ledger.exported(ItemKind.CALENDAR);
        }
        if (byCalendar.containsKey("")) {
            String name = files.claim(MailFolderTree.UNFILED, "", ".ics", MailFolderTree.UNFILED);
            writeCalendar(name, MailFolderTree.UNFILED, byCalendar.get(""), attachmentsByEvent);
        }
    }

    private void writeCalendar(String fileBase, String displayName, List<CatalogEntry> rows,
                               Map<String, List<CatalogEntry>> attachmentsByEvent) throws IOException {
        ICalendar ical = new ICalendar();
        ical.setProductId("-//m365vault//export//EN");
        if (displayName != null) {
            ical.setExperimentalProperty("X-WR-CALNAME", displayName);
        }
        VTimezones zones = new VTimezones();
        EventComponents make = new EventComponents(ical.getTimezoneInfo(), zones, at);
        AttachmentFiles files = new AttachmentFiles(fileBase);
        List<String> ids = new ArrayList<>();

        Map<String, JsonNode> json = new LinkedHashMap<>();
        rows.stream().sorted(Comparator.comparing(CatalogEntry::itemId)).forEach(r -> json.put(r.itemId(), GraphJson.of(r)));
        // Rows of a series whose master is here: exceptions go with the master, occurrences are its rule.
        Map<String, Map<String, JsonNode>> exceptionRows = new HashMap<>();
        List<String> series = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : json.entrySet()) {
            String type = String.valueOf(GraphJson.text(e.getValue(), "type"));
            String master = GraphJson.text(e.getValue(), "seriesMasterId");
            boolean ofMaster = master != null && json.containsKey(master) && !master.equals(e.getKey());
            if (ofMaster && type.equals("exception")) {
                exceptionRows.computeIfAbsent(master, k -> new LinkedHashMap<>()).put(e.getKey(), e.getValue());
            } else if (ofMaster && type.equals("occurrence")) {
                ids.add(e.getKey());
                ledger.exported(ItemKind.EVENT);
            } else {
                series.add(e.getKey());
            }
        }
        for (String id : series) {
            JsonNode ev = json.get(id);
            Map<String, JsonNode> ownRows = exceptionRows.getOrDefault(id, Map.of());
            try {
                List<VEvent> written = writeSeries(make, files, id, ev, ownRows, attachmentsByEvent);
                written.forEach(ical::addEvent);
                ids.add(id);
                ids.addAll(ownRows.keySet());
                for (int i = 0; i <= ownRows.size(); i++) {
                    ledger.exported(ItemKind.EVENT);
                }
            } catch (RuntimeException ex) {
                ledger.failed(id, ItemKind.EVENT, ex);
                for (int i = 0; i <= ownRows.size(); i++) {
                    ledger.skipped();
                }
            }
        }
        try (FileSink sink = target.file(List.of(DIR, fileBase + ".ics"), ItemKind.CALENDAR)) {
            ICalWriter w = new ICalWriter(sink.stream(), ICalVersion.V2_0);
            w.write(ical);
            w.flush();
            ledger.file(sink.finish(ids));
        }
    }

    /**
     * One event, or a master followed by its exceptions: those embedded in the master's
     * exceptionOccurrences and those stored as rows of their own (which win, being their own
     * versions). A cancelled exception becomes an EXDATE like Graph's cancelledOccurrences.
     */
    private List<VEvent> writeSeries(EventComponents make, AttachmentFiles files, String id, JsonNode ev,
                                     Map<String, JsonNode> ownRows, Map<String, List<CatalogEntry>> attachmentsByEvent)
            throws IOException {
        EventTimes times = EventTimes.of(ev);
        Map<String, JsonNode> exceptions = new LinkedHashMap<>();
        ev.path("exceptionOccurrences").forEach(x -> exceptions.put(GraphJson.text(x, "id"), x));
        exceptions.putAll(ownRows);
        List<Instant> cancelled = new ArrayList<>(times.cancelled(ev));
        List<JsonNode> kept = new ArrayList<>();
        for (JsonNode x : exceptions.values()) {
            if (GraphJson.text(x, "originalStart") == null) {
                throw new ExportException("exception " + GraphJson.text(x, "id") + " of series " + id + " has no originalStart");
            }
            if (GraphJson.bool(x, "isCancelled")) {
                cancelled.add(EventTimes.instant(GraphJson.text(x, "originalStart")));
            } else {
                kept.add(x);
            }
        }
        List<VEvent> out = new ArrayList<>();
        VEvent master = make.event(ev, times, cancelled);
        files.attach(master, id, GraphJson.text(ev, "subject"), attachmentsByEvent);
        out.add(master);
        for (JsonNode x : kept) {
            VEvent ve = make.exception(x, master, times, EventTimes.instant(GraphJson.text(x, "originalStart")));
            files.attach(ve, GraphJson.text(x, "id"), GraphJson.text(x, "subject"), attachmentsByEvent);
            out.add(ve);
        }
        return out;
    }

    /** The attachment files of one calendar, and the ATTACH that names each. */
    private final class AttachmentFiles {
        private final String calendarBase;
        private final SafeNames.Siblings eventDirs = new SafeNames.Siblings();

        AttachmentFiles(String calendarBase) {
            this.calendarBase = calendarBase;
        }

        void attach(VEvent v, String eventId, String subject, Map<String, List<CatalogEntry>> byEvent) throws IOException {
            List<CatalogEntry> list = new ArrayList<>(byEvent.getOrDefault(eventId, List.of()));
            if (list.isEmpty()) {
                return;
            }
            list.sort(Comparator.comparing(CatalogEntry::itemId));
            String dir = eventDirs.claim(SafeNames.segment(SafeNames.truncate(subject == null ? "" : subject, 60), "event")
                    + " ~" + SafeNames.tag(eventId), "", eventId);
            SafeNames.Siblings names = new SafeNames.Siblings();
            for (CatalogEntry a : list) {
                JsonNode meta = GraphJson.of(a);
                String name = names.claim(SafeNames.segment(GraphJson.text(meta, "name"), "attachment"), "", a.itemId());
                List<String> segments = List.of(DIR, calendarBase + ".attachments", dir, name);
                if (!ItemFile.write(reader, target, ledger, segments, ItemKind.EVENT_ATTACHMENT, a.itemId(), a.content())) {
                    continue;
                }
                String type = GraphJson.text(meta, "contentType");
                Attachment att = new Attachment(type != null ? type : "application/octet-stream",
                        relativeUri(calendarBase + ".attachments", dir, name));
                att.getParameters().put("X-FILENAME", GraphJson.text(meta, "name") != null ? GraphJson.text(meta, "name") : name);
                v.addAttachment(att);
            }
        }
    }

    /** Segments as a relative URI reference, each percent-encoded as a path segment. */
    static String relativeUri(String... segments) {
        StringBuilder b = new StringBuilder();
        for (String s : segments) {
            if (b.length() > 0) {
                b.append('/');
            }
            try {
                // The multi-argument constructor quotes what a path may not hold; ':' in a first segment stays a path.
                b.append(new URI(null, null, "./" + s, null).toASCIIString().substring(2));
            } catch (URISyntaxException e) {
                throw new IllegalStateException("a safe name is not a URI path segment: " + s, e);
            }
        }
        return b.toString();
    }
}
