package io.m365vault.graphsim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Collection pages as Graph sends them: {@code value} plus an absolute {@code @odata.nextLink}
 * carrying a {@code $skiptoken}, the size taken from {@code $top} or {@code Prefer: odata.maxpagesize}.
 */
public final class Paging {
    private Paging() {
    }

    /** Page size requested by the client, bounded by the resource's maximum. */
    public static int pageSize(Req req, int defaultSize, int max) {
        int size = defaultSize;
        String prefer = req.header("Prefer");
        Integer fromPrefer = maxPageSize(prefer);
        if (fromPrefer != null) {
            size = fromPrefer;
        }
        String top = req.q("$top");
        if (top != null) {
            try {
                size = Integer.parseInt(top.trim());
            } catch (NumberFormatException e) {
                throw GraphError.badRequest("BadRequest", "Invalid $top value '" + top + "'.");
            }
        }
        if (size < 1) {
            throw GraphError.badRequest("BadRequest", "Invalid page size " + size + ".");
        }
        return Math.min(size, max);
    }

    public static Integer maxPageSize(String prefer) {
        if (prefer == null) {
            return null;
        }
        for (String part : prefer.split(",")) {
            String p = part.trim().toLowerCase(Locale.ROOT);
            if (p.startsWith("odata.maxpagesize=")) {
                try {
                    return Integer.parseInt(p.substring("odata.maxpagesize=".length()).trim());
                } catch (NumberFormatException e) {
                    throw GraphError.badRequest("BadRequest", "Invalid odata.maxpagesize in Prefer: " + part.trim());
                }
            }
        }
        return null;
    }

    public static Res list(Req req, List<? extends JsonNode> items, int defaultSize, int max) {
        return list(req, items.size(), items::get, defaultSize, max);
    }

    /** One page of a collection of {@code total} elements produced on demand by {@code at}. */
    public static Res list(Req req, int total, IntFunction<? extends JsonNode> at, int defaultSize, int max) {
        int size = pageSize(req, defaultSize, max);
        int offset = 0;
        String skip = req.q("$skiptoken");
        if (skip != null) {
            try {
                offset = Integer.parseInt(skip);
            } catch (NumberFormatException e) {
                throw GraphError.badRequest("BadRequest", "Invalid $skiptoken.");
            }
        }
        Set<String> select = select(req);
        ObjectNode page = Json.obj();
        page.put("@odata.context", req.baseUrl + "/$metadata#" + req.path());
        ArrayNode value = page.putArray("value");
        int end = Math.min(total, offset + size);
        for (int i = offset; i < end; i++) {
            value.add(project(at.apply(i), select));
        }
        if (end < total) {
            Map<String, String> params = new LinkedHashMap<>(req.query);
            params.remove("$skiptoken");
            params.remove("skiptoken");
            params.put("$skiptoken", Integer.toString(end));
            page.put("@odata.nextLink", req.link(req.encodedPath(), params));
        }
        Res r = Res.json(page);
        if (maxPageSize(req.header("Prefer")) != null) {
            r.header("Preference-Applied", "odata.maxpagesize=" + size);
        }
        return r;
    }

    /** The $select set, or null when every property is wanted. */
    public static Set<String> select(Req req) {
        return parseSelect(req.q("$select"));
    }

    public static Set<String> parseSelect(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        Set<String> out = new HashSet<>();
        for (String f : s.split(",")) {
            out.add(f.trim().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** Keeps the selected properties, the id and the OData annotations; Graph does the same. */
    public static JsonNode project(JsonNode node, Set<String> select) {
        if (select == null || !(node instanceof ObjectNode obj)) {
            return node;
        }
        List<String> keep = new ArrayList<>();
        Iterator<String> it = obj.fieldNames();
        while (it.hasNext()) {
            String f = it.next();
            if (f.startsWith("@") || f.equals("id") || select.contains(f.toLowerCase(Locale.ROOT))) {
                keep.add(f);
            }
        }
        return obj.deepCopy().retain(keep);
    }
}
