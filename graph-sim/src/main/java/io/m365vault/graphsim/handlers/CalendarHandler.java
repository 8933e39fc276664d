package io.m365vault.graphsim.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.SimContext;
import io.m365vault.graphsim.calendar.CalendarBook;
import io.m365vault.graphsim.calendar.CalendarView;
import io.m365vault.graphsim.calendar.EventAttachment;
import io.m365vault.graphsim.calendar.EventInput;
import io.m365vault.graphsim.calendar.EventInstance;
import io.m365vault.graphsim.calendar.EventItem;
import io.m365vault.graphsim.calendar.EventJson;
import io.m365vault.graphsim.calendar.SimCalendar;
import io.m365vault.graphsim.control.AttachmentItem;
import io.m365vault.graphsim.control.UploadSessions;
import io.m365vault.graphsim.delta.DeltaState;
import io.m365vault.graphsim.delta.DeltaTokens;
import io.m365vault.graphsim.http.Content;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.http.Paging;
import io.m365vault.graphsim.http.Req;
import io.m365vault.graphsim.http.Res;
import io.m365vault.graphsim.http.Router;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Calendars, events (singles, series, occurrences, exceptions), calendar views and their delta, event attachments. */
public final class CalendarHandler {
    private static final String[] CALENDARS = {"users/{u}/calendar", "users/{u}/calendars/{c}"};
    private final SimContext ctx;
    private final EventJson json;
    private final UploadSessions uploads;

    public CalendarHandler(SimContext ctx, UploadSessions uploads) {
        this.ctx = ctx;
        this.json = new EventJson(ctx.config.seed);
        this.uploads = uploads;
    }

    public void register(Router r) {
        r.get("users/{u}/calendars", this::listCalendars);
        r.post("users/{u}/calendars", this::createCalendar);
        r.get("users/{u}/calendarView/delta", this::delta);
        r.get("users/{u}/calendarView", this::view);
        r.get("users/{u}/events", this::listEvents);
        r.post("users/{u}/events", this::create);
        for (String cal : CALENDARS) {
            r.get(cal, (q, p) -> {
                CalendarBook b = book(p);
                synchronized (b) {
                    return Res.json(Paging.project(EventJson.calendar(b, b.calendar(p.get("c"))), Paging.select(q)));
                }
            });
            r.delete(cal, (q, p) -> {
                CalendarBook b = book(p);
                synchronized (b) {
                    b.delete(b.calendar(p.get("c")));
                }
                return Res.empty(204);
            });
            r.get(cal + "/calendarView/delta", this::delta);
            r.get(cal + "/calendarView", this::view);
            r.get(cal + "/events", this::listEvents);
            r.post(cal + "/events", this::create);
        }
        for (String ev : new String[] {"users/{u}/events/{e}", "users/{u}/calendar/events/{e}", "users/{u}/calendars/{c}/events/{e}"}) {
            r.get(ev, this::get);
            r.patch(ev, this::patch);
            r.delete(ev, this::delete);
            // Graph's permanentDelete skips Deleted Items; the simulator keeps no Deleted Items for events, so both remove the event.
            r.post(ev + "/permanentDelete", this::delete);
            r.get(ev + "/instances", this::instances);
            r.get(ev + "/attachments", this::listAttachments);
            r.post(ev + "/attachments", this::addAttachment);
            r.post(ev + "/attachments/createUploadSession", this::uploadSession);
            r.get(ev + "/attachments/{a}", (q, p) -> attachment(q, p, false));
            r.get(ev + "/attachments/{a}/$value", (q, p) -> attachment(q, p, true));
            r.delete(ev + "/attachments/{a}", (q, p) -> {
                CalendarBook b = book(p);
                synchronized (b) {
                    b.deleteAttachment(owner(b.find(p.get("e"))), p.get("a"));
                }
                return Res.empty(204);
            });
        }
    }

    private CalendarBook book(Map<String, String> p) {
        return ctx.tenant.calendars(p.get("u"));
    }

    /** The zone and body type the client prefers, from its Prefer header(s). */
    private static EventJson.Shape shape(Req req) {
        return EventJson.Shape.of(req.header("Prefer"));
    }

    private Res listCalendars(Req req, Map<String, String> p) {
        CalendarBook b = book(p);
        synchronized (b) {
            List<JsonNode> out = new ArrayList<>();
            b.calendars.values().forEach(c -> out.add(EventJson.calendar(b, c)));
            return Paging.list(req, out, 10, 1000);
        }
    }

    /** A new calendar by name; a name the mailbox has already is refused, as Outlook refuses it. */
    private Res createCalendar(Req req, Map<String, String> p) {
        JsonNode body = EventInput.parse(req.body);
        String name = body.path("name").asText("");
        if (name.isBlank()) {
            throw GraphError.badRequest("ErrorInvalidRequest", "A calendar needs a name.");
        }
        CalendarBook b = book(p);
        synchronized (b) {
            return Res.json(201, EventJson.calendar(b, b.createCalendar(name)));
        }
    }

    private Res listEvents(Req req, Map<String, String> p) {
        CalendarBook b = book(p);
        synchronized (b) {
            List<EventItem> items = b.listed(b.calendar(p.get("c")));
            EventJson.Shape out = shape(req);
            return Paging.list(req, items.size(), i -> json.event(items.get(i), out), 10, 1000);
        }
    }

    /** A view's window from startDateTime/endDateTime: ISO times with an offset, or without one read as UTC. */
    private static Instant windowTime(String s) {
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw GraphError.badRequest("ErrorInvalidParameter", "The value '" + s + "' of parameter 'StartDateTime/EndDateTime' is invalid.");
            }
        }
    }

    private static GraphError noWindow() {
        return GraphError.badRequest("ErrorInvalidParameter",
                "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.");
    }

    /** startDateTime and endDateTime of a view or instances request, both required. */
    private static Instant[] window(Req req) {
        String ws = req.q("startDateTime");
        String we = req.q("endDateTime");
        if (ws == null || we == null) {
            throw noWindow();
        }
        return new Instant[] {windowTime(ws), windowTime(we)};
    }

    private Res view(Req req, Map<String, String> p) {
        Instant[] w = window(req);
        CalendarBook b = book(p);
        synchronized (b) {
            TreeMap<String, EventInstance> all = CalendarView.instances(b, b.calendar(p.get("c")), w[0], w[1]);
            return liveInstances(req, all.values());
        }
    }

    private Res liveInstances(Req req, java.util.Collection<EventInstance> all) {
        List<EventInstance> live = new ArrayList<>(all.stream().filter(i -> !i.deleted()).toList());
        live.sort(Comparator.comparing((EventInstance i) -> i.start().atZone(i.source().zone).toInstant()).thenComparing(EventInstance::id));
        EventJson.Shape out = shape(req);
        return Paging.list(req, live.size(), i -> json.instance(live.get(i), out), 10, 1000);
    }

    private Res delta(Req req, Map<String, String> p) {
        CalendarBook b = book(p);
        synchronized (b) {
            SimCalendar cal = b.calendar(p.get("c"));
            DeltaState st = ctx.delta.state(req, DeltaTokens.Flavour.OUTLOOK, 10, 1000, req.q("startDateTime"), req.q("endDateTime"));
            if (st.windowStart() == null || st.windowEnd() == null) {
                throw noWindow();
            }
            TreeMap<String, EventInstance> all = CalendarView.instances(b, cal, windowTime(st.windowStart()), windowTime(st.windowEnd()));
            EventJson.Shape out = shape(req);
            return ctx.delta.respond(req, st, all, i -> true, i -> json.instance(i, out), req.encodedPath(), false);
        }
    }

    private Res create(Req req, Map<String, String> p) {
        JsonNode body = EventInput.parse(req.body);
        CalendarBook b = book(p);
        synchronized (b) {
            EventItem e = b.create(b.calendar(p.get("c")), body.hasNonNull("recurrence"), x -> EventInput.apply(x, body, true));
            return Res.json(201, json.event(e, shape(req)));
        }
    }

    private ObjectNode render(CalendarBook.Found f, String id, Req req) {
        EventJson.Shape out = shape(req);
        if (f.stored() == null) {
            return json.occurrence(id, f.master(), LocalDateTime.of(f.date(), f.master().start.toLocalTime()), out);
        }
        ObjectNode j = json.event(f.stored(), out);
        EventItem e = f.stored();
        Set<String> select = Paging.select(req);
        if (e.kind == EventItem.Kind.MASTER && select != null && select.contains("cancelledoccurrences")) {
            // Graph sends these only when asked by $select on a series master.
            ArrayNode c = j.putArray("cancelledOccurrences");
            e.cancelled.keySet().forEach(d -> c.add("OID." + e.id() + "." + d));
        }
        String expand = req.q("$expand");
        for (String property : EventJson.EXPANDED_ONLY) {
            if (expand != null && expand.toLowerCase().contains(property.toLowerCase()) && e.fields().has(property)) {
                j.set(property, e.fields().get(property).deepCopy());
            }
        }
        if (e.kind == EventItem.Kind.MASTER && expand != null && expand.toLowerCase().contains("exceptionoccurrences")) {
            ArrayNode x = j.putArray("exceptionOccurrences");
            e.exceptions.values().stream().filter(ex -> !ex.deleted()).forEach(ex -> x.add(json.event(ex, out)));
        }
        return (ObjectNode) Paging.project(j, select);
    }

    private Res get(Req req, Map<String, String> p) {
        CalendarBook b = book(p);
        synchronized (b) {
            return Res.json(render(b.find(p.get("e")), p.get("e"), req));
        }
    }

    private Res patch(Req req, Map<String, String> p) {
        JsonNode body = EventInput.parse(req.body);
        CalendarBook b = book(p);
        synchronized (b) {
            CalendarBook.Found f = b.find(p.get("e"));
            java.util.function.Consumer<EventItem> change = e -> EventInput.apply(e, body, false);
            EventItem e = f.stored() == null ? b.changeOccurrence(f.master(), f.date(), change) : b.change(f.stored(), change);
            return Res.json(json.event(e, shape(req)));
        }
    }

    private Res delete(Req req, Map<String, String> p) {
        CalendarBook b = book(p);
        synchronized (b) {
            CalendarBook.Found f = b.find(p.get("e"));
            if (f.stored() == null) {
                b.cancel(f.master(), f.date());
            } else {
                b.delete(f.stored());
            }
        }
        return Res.empty(204);
    }

    private Res instances(Req req, Map<String, String> p) {
        Instant[] w = window(req);
        CalendarBook b = book(p);
        synchronized (b) {
            CalendarBook.Found f = b.find(p.get("e"));
            TreeMap<String, EventInstance> all = new TreeMap<>();
            if (f.stored() != null && f.stored().kind == EventItem.Kind.MASTER) {
                CalendarView.series(b, f.stored(), w[0], w[1], all);
            }
            return liveInstances(req, all.values());
        }
    }

    /** Occurrences share their series' attachments. */
    private static EventItem owner(CalendarBook.Found f) {
        return f.stored() != null ? f.stored() : f.master();
    }

    private Res listAttachments(Req req, Map<String, String> p) {
        CalendarBook b = book(p);
        synchronized (b) {
            EventItem e = owner(b.find(p.get("e")));
            List<JsonNode> out = new ArrayList<>();
            e.attachments.forEach(a -> out.add(EventJson.attachment(e, a, true)));
            return Paging.list(req, out, 100, 1000);
        }
    }

    private Res attachment(Req req, Map<String, String> p, boolean raw) {
        CalendarBook b = book(p);
        synchronized (b) {
            EventItem e = owner(b.find(p.get("e")));
            for (EventAttachment a : e.attachments) {
                if (a.id().equals(p.get("a"))) {
                    return raw ? Res.bytes(200, a.contentType(), Content.of(a.bytes()))
                            : Res.json(Paging.project(EventJson.attachment(e, a, true), Paging.select(req)));
                }
            }
            throw GraphError.itemNotFound();
        }
    }

    /** A large attachment in ranges; the last range adds it to the event, as Outlook's sessions do. */
    private Res uploadSession(Req req, Map<String, String> p) {
        AttachmentItem item = AttachmentItem.parse(req.body);
        CalendarBook b = book(p);
        String eventId;
        synchronized (b) {
            eventId = owner(b.find(p.get("e"))).id();
        }
        String location = req.baseUrl + "/users/" + Req.encodeSegment(b.owner.id) + "/events/" + Req.encodeSegment(eventId) + "/attachments/";
        ObjectNode session = uploads.createOutlook(item.size(), bytes -> {
            synchronized (b) {
                EventItem e = owner(b.find(eventId));
                EventAttachment a = new EventAttachment(EventInput.attachmentId(e, e.attachments.size()), item.name(), item.contentType(), 0, 0, bytes);
                e.attachments = new ArrayList<>(e.attachments);
                e.attachments.add(a);
                b.edit(e);
                return Res.empty(201).header("Location", location + Req.encodeSegment(a.id()));
            }
        });
        session.put("@odata.context", req.baseUrl + "/$metadata#microsoft.graph.uploadSession");
        return Res.json(201, session);
    }

    private Res addAttachment(Req req, Map<String, String> p) {
        JsonNode body = EventInput.parse(req.body);
        CalendarBook b = book(p);
        synchronized (b) {
            EventItem e = owner(b.find(p.get("e")));
            EventAttachment a = EventInput.attachment(e, body, e.attachments.size());
            e.attachments = new ArrayList<>(e.attachments);
            e.attachments.add(a);
            b.edit(e);
            return Res.json(201, EventJson.attachment(e, a, false));
        }
    }
}
