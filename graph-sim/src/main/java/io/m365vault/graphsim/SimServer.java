package io.m365vault.graphsim;

import io.m365vault.graphsim.handlers.SharePointRestHandler;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import io.m365vault.graphsim.entra.SimTls;
import io.m365vault.graphsim.control.Faults;
import io.m365vault.graphsim.control.ResourceUnitCost;
import io.m365vault.graphsim.control.ResourceUnits;
import io.m365vault.graphsim.http.Exchanges;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.http.LoopbackServer;
import io.m365vault.graphsim.http.Req;
import io.m365vault.graphsim.http.Res;
import io.m365vault.graphsim.http.Router;
import io.m365vault.graphsim.model.SimUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Graph endpoint: {@code /v1.0/...} through rewrites, faults and the router; {@code /_sim/...}
 * for control; {@code /{tenant}/oauth2/v2.0/token} as Entra ID's token endpoint; {@code {site}/_api/...} as
 * SharePoint REST ({@link SharePointRestHandler}); anything else 404. Every request, $batch parts included, goes through {@link #dispatch}.
 */
public final class SimServer {
    private static final Logger LOG = LoggerFactory.getLogger(SimServer.class);
    private final SimContext ctx;
    private final Router graph = new Router();
    private final Router control = new Router();
    private final Router uploads = new Router();
    private final SharePointRestHandler sharePoint;
    private final List<UnaryOperator<List<String>>> rewrites = new ArrayList<>();
    private static final Pattern TOKEN_PATH = Pattern.compile("/([^/]+)/oauth2/v2\\.0/token");
    private HttpServer server;
    private HttpsServer tls;
    private volatile String tlsOrigin;
    private ExecutorService pool;

    public SimServer(SimContext ctx) {
        this.sharePoint = new SharePointRestHandler(ctx);
        this.ctx = ctx;
    }

    public Router graphRoutes() {
        return graph;
    }

    public Router controlRoutes() {
        return control;
    }

    /** Upload session URLs, under /_upload: pre-authenticated like Graph's, so no limits apply. */
    public Router uploadRoutes() {
        return uploads;
    }

    /** A rewrite of normalized segments applied before routing (aliases such as users/{u}/drive). */
    public void addRewrite(UnaryOperator<List<String>> r) {
        rewrites.add(r);
    }

    public void start(int port) throws IOException {
        server = LoopbackServer.create(port, 256);
        pool = Executors.newFixedThreadPool(64, r -> {
            Thread t = new Thread(r, "graph-sim");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::serve);
        server.start();
        ctx.origin = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * The same endpoints over https on another port (after {@link #start}), for clients that
     * send or fetch tokens only over https. Returns its origin, {@code https://127.0.0.1:PORT}.
     */
    public String startTls(int port) throws IOException {
        tls = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        tls.setHttpsConfigurator(new HttpsConfigurator(SimTls.serverContext()));
        tls.setExecutor(pool);
        tls.createContext("/", this::serve);
        tls.start();
        tlsOrigin = "https://127.0.0.1:" + tls.getAddress().getPort();
        return tlsOrigin;
    }

    public void stop() {
        if (tls != null) {
            tls.stop(0);
        }
        if (server != null) {
            server.stop(0);
            pool.shutdownNow();
        }
    }

    private void serve(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getRawPath();
        String requestId = UUID.randomUUID().toString();
        byte[] body = Exchanges.body(ex);
        // Links in answers (nextLink, deltaLink) stay on the scheme the request came by.
        String origin = ex instanceof HttpsExchange ? tlsOrigin : ctx.origin;
        Res res;
        if (path.startsWith("/v1.0/") || path.equals("/v1.0")) {
            Req req = new Req(ex.getRequestMethod(), path.substring(5), ex.getRequestURI().getRawQuery(),
                    Exchanges.headers(ex), body, origin + "/v1.0", requestId);
            boolean lost = ctx.faults.answerLost(ex.getRequestMethod(), path);
            res = dispatch(req);
            if (lost) {
                // Served (a write is done), then the connection closes before any answer: the server's abort, not a reply.
                ctx.stats.resets.increment();
                throw new IOException("simulated: the answer to " + ex.getRequestMethod() + " " + path + " is lost");
            }
        } else if (path.startsWith("/_sim/")) {
            Req req = new Req(ex.getRequestMethod(), path.substring(5), ex.getRequestURI().getRawQuery(),
                    Exchanges.headers(ex), body, origin + "/_sim", requestId);
            res = route(control, req, false);
        } else if (TOKEN_PATH.matcher(path).matches() && ex.getRequestMethod().equals("POST")) {
            Matcher m = TOKEN_PATH.matcher(path);
            m.matches();
            ctx.stats.request("POST {tenant}/oauth2/v2.0/token");
            res = ctx.entra.token(m.group(1), body);
            ctx.stats.status(res.status);
        } else if (SharePointRestHandler.handles(path)) {
            res = sharePoint.serve(ex.getRequestMethod(), ex.getRequestURI().getPath(), Exchanges.headers(ex), body);
            ctx.stats.status(res.status);
        } else if (path.startsWith("/_upload/")) {
            Req req = new Req(ex.getRequestMethod(), path.substring(8), ex.getRequestURI().getRawQuery(),
                    Exchanges.headers(ex), body, ctx.origin + "/_upload", requestId);
            // No limits (the URL is pre-authenticated), but an injected fault does hit a slice: a restore's upload failing midway.
            GraphError injected = ctx.faults.injected(ex.getRequestMethod(), path);
            res = injected != null ? error(injected, requestId) : route(uploads, req, false);
        } else {
            res = error(GraphError.notFound("NotFound", "No such endpoint: " + path + " (Graph lives under /v1.0)"), requestId);
        }
        res.headers.putIfAbsent("request-id", requestId);
        res.headers.putIfAbsent("client-request-id", requestId);
        try {
            long n = Exchanges.write(ex, res, 0, res.body == null ? 0 : res.body.length());
            ctx.stats.bytesServed.add(n);
        } catch (IOException e) {
            if (res.resetMidway) {
                ctx.stats.resets.increment();
            }
            throw e;
        }
    }

    /** Runs one Graph request through rewrites, latency, faults and its handler. */
    public Res dispatch(Req original) {
        Req req = original;
        try {
            List<String> segs = req.segments;
            for (UnaryOperator<List<String>> r : rewrites) {
                segs = r.apply(segs);
            }
            if (segs != req.segments) {
                req = req.withSegments(segs);
            }
        } catch (GraphError e) {
            ctx.stats.status(e.status);
            return error(e, req.requestId);
        }
        return route(graph, req, true);
    }

    private Res route(Router router, Req req, boolean limited) {
        Router.Match m = router.match(req.method, req.segments);
        ctx.stats.request(m == null ? "unmatched" : m.route().method() + " " + m.route().pattern());
        if (limited && ctx.faults.latencyMs() > 0) {
            try {
                Thread.sleep(ctx.faults.latencyMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Res res;
        String auth = req.header("Authorization");
        if (limited && auth != null && !ctx.entra.accepts(auth.replaceFirst("(?i)^Bearer ", ""))) {
            // A token the token endpoint did not issue, or one revoked since.
            res = error(new GraphError(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience."), req.requestId);
        } else if (m == null) {
            res = error(GraphError.noRoute(req.method, req.path()), req.requestId);
        } else {
            ResourceUnits.Charge charge = ResourceUnits.Charge.QUIET;
            try {
                // SharePoint charges a request its units before it is served, throttled or not.
                charge = limited ? ctx.faults.resourceUnits().charge(ResourceUnitCost.of(req), System.currentTimeMillis()) : charge;
                try (Faults.Permit permit = limited ? ctx.faults.admit(req.method, req.path(), throttleKey(req)) : () -> { }) {
                    res = m.route().handler().handle(req, m.params());
                }
            } catch (GraphError e) {
                res = error(e, req.requestId);
            } catch (RuntimeException e) {
                LOG.warn("handler failed method={} path={}", req.method, req.path(), e);
                res = error(new GraphError(500, "generalException", "The simulator failed: " + e), req.requestId);
            }
            charge.decorate(res);
        }
        ctx.stats.status(res.status);
        res.headers.putIfAbsent("OData-Version", "4.0");
        return res;
    }

    /** Limits apply per mailbox or drive, as Graph's do: the resource's owner key. */
    private String throttleKey(Req req) {
        List<String> s = req.segments;
        if (s.size() < 2) {
            return null;
        }
        String kind = s.get(0).toLowerCase();
        if (kind.equals("users")) {
            SimUser u = ctx.tenant.directory().user(s.get(1));
            return "users/" + (u == null ? s.get(1) : u.id);
        }
        if (kind.equals("drives") || kind.equals("groups") || kind.equals("sites")) {
            return kind + "/" + s.get(1);
        }
        return null;
    }

    public static Res error(GraphError e, String requestId) {
        Res r = Res.json(e.status, e.body(requestId));
        e.headers.forEach(r::header);
        return r;
    }
}
