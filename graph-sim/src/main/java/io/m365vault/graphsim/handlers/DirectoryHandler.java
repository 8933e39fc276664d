package io.m365vault.graphsim.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.SimContext;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.http.Paging;
import io.m365vault.graphsim.http.Req;
import io.m365vault.graphsim.http.Res;
import io.m365vault.graphsim.http.Router;
import io.m365vault.graphsim.model.Directory;
import io.m365vault.graphsim.model.SimGroup;
import io.m365vault.graphsim.model.SimUser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** /users and /groups: enumeration, nested membership. */
public final class DirectoryHandler {
    private static final Pattern EQ_FILTER = Pattern.compile("^\\s*(\\w+)\\s+eq\\s+'?([^']*)'?\\s*$");
    private final SimContext ctx;

    public DirectoryHandler(SimContext ctx) {
        this.ctx = ctx;
    }

    public void register(Router r) {
        r.get("users", this::users);
        r.get("users/{u}", (q, p) -> Res.json(Paging.project(ctx.tenant.user(p.get("u")).json(), Paging.select(q))));
        r.get("groups", this::groups);
        r.get("groups/{g}", (q, p) -> Res.json(Paging.project(group(p.get("g")).json(), Paging.select(q))));
        r.get("groups/{g}/members", this::members);
        r.get("groups/{g}/transitiveMembers/graph.user", this::transitiveUsers);
        r.get("groups/{g}/members/graph.user", this::directUsers);
        r.get("users/{u}/memberOf", this::memberOf);
    }

    private SimGroup group(String id) {
        SimGroup g = ctx.tenant.directory().group(id);
        if (g == null) {
            throw GraphError.resourceNotFound(id);
        }
        return g;
    }

    /** $filter of the form {@code property eq 'value'} on any top-level property; Graph supports more. */
    private static List<ObjectNode> filter(Req req, List<ObjectNode> all) {
        String f = req.q("$filter");
        if (f == null) {
            return all;
        }
        Matcher m = EQ_FILTER.matcher(f);
        if (!m.matches()) {
            throw GraphError.badRequest("Request_UnsupportedQuery", "The simulator supports $filter=property eq 'value' only, got: " + f);
        }
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode n : all) {
            JsonNode v = n.get(m.group(1));
            if (v != null && v.asText().equalsIgnoreCase(m.group(2))) {
                out.add(n);
            }
        }
        return out;
    }

    private Res users(Req req, Map<String, String> p) {
        Directory d = ctx.tenant.directory();
        if (req.q("$filter") == null) {
            return Paging.list(req, d.userCount(), i -> d.user(i).json(), 100, 999);
        }
        List<ObjectNode> all = new ArrayList<>();
        for (int i = 0; i < d.userCount(); i++) {
            all.add(d.user(i).json());
        }
        return Paging.list(req, filter(req, all), 100, 999);
    }

    private Res groups(Req req, Map<String, String> p) {
        List<ObjectNode> all = new ArrayList<>();
        for (SimGroup g : ctx.tenant.directory().groups()) {
            all.add(g.json());
        }
        return Paging.list(req, filter(req, all), 100, 999);
    }

    private static ObjectNode typed(ObjectNode n, String type) {
        ObjectNode c = n.deepCopy();
        c.put("@odata.type", type);
        return c;
    }

    private Res members(Req req, Map<String, String> p) {
        SimGroup g = group(p.get("g"));
        Directory d = ctx.tenant.directory();
        List<ObjectNode> out = new ArrayList<>();
        for (int u : g.memberUsers) {
            out.add(typed(d.user(u).json(), "#microsoft.graph.user"));
        }
        for (int child : g.memberGroups) {
            out.add(typed(d.groups().get(child).json(), "#microsoft.graph.group"));
        }
        return Paging.list(req, out, 100, 999);
    }

    private Res directUsers(Req req, Map<String, String> p) {
        SimGroup g = group(p.get("g"));
        List<ObjectNode> out = new ArrayList<>();
        for (int u : g.memberUsers) {
            out.add(typed(ctx.tenant.directory().user(u).json(), "#microsoft.graph.user"));
        }
        return Paging.list(req, out, 100, 999);
    }

    private Res transitiveUsers(Req req, Map<String, String> p) {
        List<ObjectNode> out = new ArrayList<>();
        for (SimUser u : ctx.tenant.directory().transitiveUsers(group(p.get("g")))) {
            out.add(typed(u.json(), "#microsoft.graph.user"));
        }
        return Paging.list(req, out, 100, 999);
    }

    private Res memberOf(Req req, Map<String, String> p) {
        SimUser u = ctx.tenant.user(p.get("u"));
        List<ObjectNode> out = new ArrayList<>();
        for (SimGroup g : ctx.tenant.directory().groups()) {
            if (g.memberUsers.contains(u.index)) {
                out.add(typed(g.json(), "#microsoft.graph.group"));
            }
        }
        return Paging.list(req, out, 100, 999);
    }
}
