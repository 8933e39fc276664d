package io.m365vault.graphsim.delta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.http.Paging;
import io.m365vault.graphsim.http.Req;
import io.m365vault.graphsim.http.Res;
import io.m365vault.graphsim.model.Tracked;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Answers a delta request: reads where the client is from {@code $skiptoken} (next page),
 * {@code $deltatoken} or {@code token} (next round), else starts a full enumeration; sends one
 * page with an absolute nextLink or deltaLink.
 */
public final class DeltaResponder {
    private final DeltaTokens tokens;
    private final LongSupplier currentSeq;

    public DeltaResponder(DeltaTokens tokens, LongSupplier currentSeq) {
        this.tokens = tokens;
        this.currentSeq = currentSeq;
    }

    /** The state this request continues, with {@code upto} fixed when a round begins. */
    public DeltaState state(Req req, DeltaTokens.Flavour flavour, int defaultPage, int maxPage, String windowStart, String windowEnd) {
        String skip = req.q("$skiptoken");
        String delta = req.q("$deltatoken");
        String token = req.functionArgs.getOrDefault("token", req.q("token"));
        DeltaState st;
        if (skip != null) {
            st = tokens.decode(skip, flavour);
        } else if (delta != null) {
            st = tokens.decode(delta, flavour);
        } else if (token != null && !token.equals("latest")) {
            st = tokens.decode(token, flavour);
        } else {
            String select = req.q("$select");
            st = tokens.fresh(Paging.pageSize(req, defaultPage, maxPage), select, windowStart, windowEnd);
            if ("latest".equals(token)) {
                // Long.MAX_VALUE marks "send nothing, only a link from now on".
                long now = currentSeq.getAsLong();
                return new DeltaState(Long.MAX_VALUE, now, null, st.pageSize(), select, windowStart, windowEnd, st.generation(), st.issuedAtMillis());
            }
        }
        Integer prefer = Paging.maxPageSize(req.header("Prefer"));
        int size = prefer != null ? Math.min(prefer, maxPage) : st.pageSize();
        long upto = st.upto() >= 0 ? st.upto() : currentSeq.getAsLong();
        return new DeltaState(st.since(), upto, st.after(), size, st.select(), st.windowStart(), st.windowEnd(), st.generation(), st.issuedAtMillis());
    }

    /**
     * One page. {@code linkPath} is the encoded path links point at; {@code tokenParam} is
     * "$skiptoken"/"$deltatoken" for Outlook and directory, "token" for drives.
     */
    public <T extends Tracked> Res respond(Req req, DeltaState st, NavigableMap<String, T> items, Predicate<T> inScope,
                                           Function<T, JsonNode> render, String linkPath, boolean driveStyle) {
        return respond(req, st, items, inScope, render, linkPath, driveStyle, Map.of());
    }

    /** As above; {@code linkParams} (e.g. {@code $expand}) go into every next and delta link ahead of the token. */
    public <T extends Tracked> Res respond(Req req, DeltaState st, NavigableMap<String, T> items, Predicate<T> inScope,
                                           Function<T, JsonNode> render, String linkPath, boolean driveStyle,
                                           Map<String, String> linkParams) {
        ObjectNode page = Json.obj();
        page.put("@odata.context", req.baseUrl + "/$metadata#Collection(" + linkPath + ")");
        ArrayNode value = page.putArray("value");
        DeltaPager.Page<T> p;
        if (st.since() == Long.MAX_VALUE) {
            // token=latest: no items, just a link from now on.
            p = new DeltaPager.Page<>(java.util.List.of(), false, null);
            st = new DeltaState(st.upto(), st.upto(), null, st.pageSize(), st.select(), st.windowStart(), st.windowEnd(), st.generation(), st.issuedAtMillis());
        } else {
            p = DeltaPager.page(items, st, inScope);
        }
        Set<String> select = Paging.parseSelect(st.select());
        for (T item : p.items()) {
            value.add(Paging.project(render.apply(item), select));
        }
        Map<String, String> params = new LinkedHashMap<>(linkParams);
        if (p.more()) {
            params.put(driveStyle ? "token" : "$skiptoken", tokens.encode(st.next(p.lastId())));
            page.put("@odata.nextLink", req.link(linkPath, params));
        } else {
            params.put(driveStyle ? "token" : "$deltatoken", tokens.encode(st.newRound(System.currentTimeMillis())));
            page.put("@odata.deltaLink", req.link(linkPath, params));
        }
        Res r = Res.json(page);
        if (Paging.maxPageSize(req.header("Prefer")) != null) {
            r.header("Preference-Applied", "odata.maxpagesize=" + st.pageSize());
        }
        return r;
    }
}
