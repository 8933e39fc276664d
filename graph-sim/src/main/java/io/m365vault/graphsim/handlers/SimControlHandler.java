package io.m365vault.graphsim.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.SimContext;
import io.m365vault.graphsim.entra.Pem;
import io.m365vault.graphsim.control.Mutator;
import io.m365vault.graphsim.control.SnapshotSource;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.http.Res;
import io.m365vault.graphsim.http.Router;

import java.util.ArrayList;
import java.util.List;

/** /_sim: stats, faults, mutate, snapshot. Not Graph: the test's and operator's handle on the simulator. */
public final class SimControlHandler {
    private final SimContext ctx;
    private final Mutator mutator;
    private final List<SnapshotSource> snapshots;

    public SimControlHandler(SimContext ctx, Mutator mutator, List<SnapshotSource> snapshots) {
        this.ctx = ctx;
        this.mutator = mutator;
        this.snapshots = snapshots;
    }

    public void register(Router r) {
        r.get("stats", (q, p) -> Res.json(stats()));
        r.get("faults", (q, p) -> Res.json(ctx.faults.json()));
        r.post("faults", (q, p) -> Res.json(faults(Json.parse(q.body))));
        r.post("mutate", (q, p) -> Res.json(mutate(Json.parse(q.body))));
        r.post("apps", (q, p) -> Res.json(apps(Json.parse(q.body))));
        r.get("snapshot", (q, p) -> {
            String owner = q.q("owner");
            if (owner == null) {
                throw GraphError.badRequest("BadRequest", "snapshot needs ?owner=<user id, UPN or site id>");
            }
            return Res.json(snapshot(owner));
        });
    }

    public ObjectNode stats() {
        ObjectNode j = ctx.stats.json();
        ObjectNode t = j.putObject("tenant");
        t.put("seed", ctx.config.seed);
        t.put("users", ctx.tenant.directory().userCount());
        t.put("groups", ctx.tenant.directory().groups().size());
        t.put("changeNumber", ctx.tenant.currentSeq());
        t.put("mailboxesGenerated", ctx.tenant.touchedMailboxes().size());
        t.put("deltaTokenGeneration", ctx.tokens.generation());
        ctx.faults.resourceUnits().stats(j.putObject("resourceUnits"));
        return j;
    }

    public ObjectNode faults(JsonNode update) {
        return ctx.faults.update(update, ctx.tokens::expireAll, ctx.tokens::setTtlSeconds);
    }

    /**
     * {@code {"tenant":..,"clientId":..,"secret":..}} registers an app the token endpoint issues
     * tokens to; {@code {"revokeTokens":true}} makes Graph refuse every token issued so far.
     */
    public ObjectNode apps(JsonNode body) {
        if (body.path("revokeTokens").asBoolean(false)) {
            ctx.entra.revokeTokens();
        } else {
            String tenant = Json.text(body, "tenant", null);
            String clientId = Json.text(body, "clientId", null);
            String secret = Json.text(body, "secret", null);
            String certificate = Json.text(body, "certificate", null);
            if (tenant == null || clientId == null || secret == null && certificate == null) {
                throw GraphError.badRequest("BadRequest", "apps needs {\"tenant\":..,\"clientId\":..,\"secret\":..}, "
                        + "{\"tenant\":..,\"clientId\":..,\"certificate\":\"<PEM>\"} or {\"revokeTokens\":true}");
            }
            if (secret != null) {
                ctx.entra.register(tenant, clientId, secret);
            }
            if (certificate != null) {
                ctx.entra.registerCertificate(tenant, clientId, Pem.certificate(certificate));
            }
        }
        return Json.obj().put("ok", true);
    }

    public ObjectNode mutate(JsonNode body) {
        List<String> kinds = new ArrayList<>();
        body.path("kinds").forEach(k -> kinds.add(k.asText()));
        if (!body.has("fraction")) {
            throw GraphError.badRequest("BadRequest", "mutate needs {\"seed\":N,\"fraction\":F[,\"kinds\":[...]][,\"owners\":N]}; kinds: " + mutator.kinds());
        }
        return mutator.mutate(body.path("seed").asLong(1), body.get("fraction").asDouble(), kinds, body.path("owners").asInt(0));
    }

    public ObjectNode snapshot(String owner) {
        ObjectNode j = Json.obj();
        j.put("owner", owner);
        for (SnapshotSource s : snapshots) {
            j.set(s.workload(), s.items(owner));
        }
        return j;
    }
}
