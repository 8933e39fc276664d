package io.m365vault.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.backup.ProtectedItem;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API behind the Functions' HTTP triggers and the CLI's {@code vault serve}: each
 * method takes the request's parts as strings and answers status and JSON. Bad input is 400,
 * unknown ids 404, a restore whose export has expired 410, storage or Graph that cannot be reached 503, bodies over {@link #MAX_BODY_BYTES} 413, every error {@code {"error":"..."}}.
 * Keys are not checked here: Azure checks function keys before a call arrives, {@code serve}
 * checks its own.
 */
public final class ApiHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    public static final int MAX_BODY_BYTES = 64 * 1024;
    private static final int DEFAULT_RUNS = 20;
    private static final int MAX_RUNS = 100;

    private final Supplier<RestoreService> restores;
    private final RunStore runs;
    private final ItemBrowser browser;
    private final ItemSearch search;
    private final ItemLookup items;
    private final Inventory inventory;
    private final Clock clock;

    public ApiHandler(Supplier<RestoreService> restores, RunStore runs, ItemBrowser browser, ItemSearch search, ItemLookup items,
                      Inventory inventory, Clock clock) {
        this.restores = restores;
        this.runs = runs;
        this.browser = browser;
        this.search = search;
        this.items = items;
        this.inventory = inventory;
        this.clock = clock;
    }

    public static ApiHandler of(VaultServices s) {
        RestoreService[] once = new RestoreService[1];
        return new ApiHandler(() -> {
            synchronized (once) {
                if (once[0] == null) {
                    once[0] = s.restores();
                }
                return once[0];
            }
        }, s.runs(), s.browser(), new ItemSearch(s.repo()), s.lookup(), new Inventory(s.repo().state()), Clock.systemUTC());
    }

    /** POST /api/restores: 202 with the job and its Location. */
    public ApiResponse submitRestore(String body) {
        return guard(() -> {
            if (body == null || body.isBlank()) {
                throw new InvalidRequestException("restore request needs a JSON body, e.g. {\"item\":\"user:<id>\"}");
            }
            if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
                return tooLarge();
            }
            RestoreJob job = restores.get().submit(body);
            return new ApiResponse(202, ApiJson.job(job).toString(), Map.of("Location", "/api/restores/" + job.id()));
        });
    }

    /** The 413 answer, for adapters that see the declared length before reading the body. */
    public static ApiResponse tooLarge() {
        return ApiResponse.error(413, "request body is larger than " + MAX_BODY_BYTES + " bytes");
    }

    /** GET /api/restores/{id}; 410 with why once the job's export has expired (and is deleted), not a dead link. */
    public ApiResponse restore(String id) {
        return guard(() -> {
            checkId(id, "restore job");
            RestoreJob job = restores.get().get(id).orElseThrow(() -> new NotFoundException("no restore job " + id));
            return "expired".equals(job.state()) ? ApiResponse.error(410, job.error()) : ApiResponse.ok(ApiJson.job(job));
        });
    }

    /** GET /api/runs?limit=N */
    public ApiResponse runs(String limit) {
        return guard(() -> {
            int n = DEFAULT_RUNS;
            if (limit != null) {
                try {
                    n = Integer.parseInt(limit);
                } catch (NumberFormatException e) {
                    n = -1;
                }
                if (n < 1 || n > MAX_RUNS) {
                    throw new InvalidRequestException("limit must be a whole number from 1 to " + MAX_RUNS + ", got '" + limit + "'");
                }
            }
            ArrayNode a = ApiJson.array();
            runs.list(n).forEach(r -> a.add(ApiJson.run(r)));
            ObjectNode o = ApiJson.object();
            o.set("runs", a);
            return ApiResponse.ok(o);
        });
    }

    /** GET /api/runs/{id}?state=S: the run and its items (those in state S only, when given). */
    public ApiResponse run(String id, String state) {
        return guard(() -> {
            checkId(id, "run");
            ItemState only;
            try {
                only = state == null ? null : ItemState.parse(state);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("state must be one of queued, running, done, failed, skipped, poison, got '" + state + "'");
            }
            RunInfo info = runs.run(id).orElseThrow(() -> new NotFoundException("no run " + id));
            ObjectNode o = ApiJson.run(info);
            ArrayNode items = o.putArray("itemStatus");
            for (ItemStatus s : runs.items(id)) {
                if (only == null || s.state() == only) {
                    items.add(ApiJson.item(s));
                }
            }
            return ApiResponse.ok(o);
        });
    }

    /** GET /api/items: the protected items the repository holds, by name ({@link Inventory}). */
    public ApiResponse items() {
        return guard(() -> {
            ArrayNode a = ApiJson.array();
            inventory.list().forEach(e -> a.add(ApiJson.inventory(e)));
            ObjectNode o = ApiJson.object();
            o.set("items", a);
            return ApiResponse.ok(o);
        });
    }

    /** GET /api/items/{item}/versions?at=&path= */
    public ApiResponse versions(String item, String at, String path) {
        return guard(() -> {
            ProtectedItem asked = ItemIds.parse(item);
            Instant t = at(at);
            if (path != null && (path.contains("\\") || List.of(path.split("/")).contains(".."))) {
                throw new InvalidRequestException("path names folders by their names, separated by '/'; '..' and '\\' are not allowed");
            }
            ProtectedItem pi = items.backedUp(asked, t);
            ObjectNode o = ApiJson.object();
            o.put("item", pi.toString());
            o.put("at", t.toString());
            o.put("path", path == null ? "" : path);
            ArrayNode a = o.putArray("entries");
            browser.list(pi, t, path).forEach(e -> a.add(ApiJson.entry(e)));
            return ApiResponse.ok(o);
        });
    }

    /** GET /api/items/{item}/search?q=&from=&to=&at=: the item's versions at a time by words and dates ({@link ItemSearch}). */
    public ApiResponse search(String item, String at, String q, String from, String to) {
        return guard(() -> {
            ProtectedItem asked = ItemIds.parse(item);
            Instant t = at(at);
            SearchQuery query = SearchQuery.parse(q, from, to);
            ProtectedItem pi = items.backedUp(asked, t);
            ItemSearch.Result found = search.search(pi, t, query.words(), query.from(), query.to());
            ObjectNode o = ApiJson.object();
            o.put("item", pi.toString());
            o.put("at", t.toString());
            ArrayNode a = o.putArray("hits");
            found.hits().forEach(h -> a.add(ApiJson.hit(h)));
            o.put("more", found.more());
            return ApiResponse.ok(o);
        });
    }

    private Instant at(String at) {
        try {
            return at == null || at.isBlank() ? clock.instant() : Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("at must be an ISO-8601 UTC time such as 2026-11-25T10:00:00Z, got '" + ItemIds.printable(at) + "'");
        }
    }

    /**
     * Routes one request by method and path (for servers other than the Functions host).
     * {@code path} is the URL path, already percent-decoded per segment, e.g. {@code /api/runs/<id>}.
     */
    public ApiResponse route(String method, List<String> segments, Map<String, String> query, String body) {
        List<String> s = segments.isEmpty() || !segments.get(0).equals("api") ? List.of() : segments.subList(1, segments.size());
        boolean get = "GET".equals(method);
        boolean post = "POST".equals(method);
        if (s.equals(List.of("restores"))) {
            return post ? submitRestore(body) : notAllowed(method, "POST");
        }
        if (s.size() == 2 && s.get(0).equals("restores")) {
            return get ? restore(s.get(1)) : notAllowed(method, "GET");
        }
        if (s.equals(List.of("runs"))) {
            return get ? runs(query.get("limit")) : notAllowed(method, "GET");
        }
        if (s.size() == 2 && s.get(0).equals("runs")) {
            return get ? run(s.get(1), query.get("state")) : notAllowed(method, "GET");
        }
        if (s.equals(List.of("items"))) {
            return get ? items() : notAllowed(method, "GET");
        }
        if (s.size() == 3 && s.get(0).equals("items") && s.get(2).equals("versions")) {
            return get ? versions(s.get(1), query.get("at"), query.get("path")) : notAllowed(method, "GET");
        }
        if (s.size() == 3 && s.get(0).equals("items") && s.get(2).equals("search")) {
            return get ? search(s.get(1), query.get("at"), query.get("q"), query.get("from"), query.get("to")) : notAllowed(method, "GET");
        }
        return ApiResponse.error(404, "no such endpoint: " + method + " /" + String.join("/", segments));
    }

    private static ApiResponse notAllowed(String method, String allowed) {
        return new ApiResponse(405, ApiResponse.error(405, method + " is not allowed here; use " + allowed).json(), Map.of("Allow", allowed));
    }

    private static void checkId(String id, String what) {
        if (!TimeIds.valid(id)) {
            throw new InvalidRequestException(what + " id must look like 20261125T141500123Z-3f9a1c, got '" + ItemIds.printable(id) + "'");
        }
    }


    private interface Call {
        ApiResponse call();
    }

    private static ApiResponse guard(Call c) {
        try {
            return c.call();
        } catch (InvalidRequestException e) {
            return ApiResponse.error(400, e.getMessage());
        } catch (NotFoundException e) {
            return ApiResponse.error(404, e.getMessage());
        } catch (SettingsException e) {
            // Storage or Graph not reachable with the app's settings: the service, not the call, is at fault.
            LOG.error("api call failed: {}", e.getMessage());
            return ApiResponse.error(503, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("api call failed: {}", e.toString(), e);
            return ApiResponse.error(500, "internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")));
        }
    }
}
