package io.m365vault.graphsim.drive;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.m365vault.graphsim.SimContext;
import io.m365vault.graphsim.control.Faults;
import io.m365vault.graphsim.control.ResourceUnitCost;
import io.m365vault.graphsim.control.ResourceUnits;
import io.m365vault.graphsim.http.Content;
import io.m365vault.graphsim.http.Exchanges;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.http.LoopbackServer;
import io.m365vault.graphsim.http.PathParser;
import io.m365vault.graphsim.http.Res;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The second port: what SharePoint's download.aspx is to Graph. Serves file versions for valid,
 * unexpired tempauth tokens, with Range support; may cut a download off midway (a fault). Each
 * request costs a resource unit of SharePoint's budget, as a download does.
 */
public final class DownloadHost implements AutoCloseable {
    private final SimContext ctx;
    private final DownloadUrls urls;
    private HttpServer server;
    private ExecutorService pool;

    public DownloadHost(SimContext ctx, DownloadUrls urls) {
        this.ctx = ctx;
        this.urls = urls;
    }

    public void start(int port) throws IOException {
        server = LoopbackServer.create(port, 256);
        pool = Executors.newFixedThreadPool(32, r -> {
            Thread t = new Thread(r, "graph-sim-download");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::serve);
        server.start();
        ctx.downloadOrigin = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void serve(HttpExchange ex) throws IOException {
        ex.getRequestBody().readAllBytes();
        Map<String, String> q = PathParser.parseQuery(ex.getRequestURI().getRawQuery());
        ctx.stats.request("GET download.aspx");
        Res res;
        long from = 0;
        long count = 0;
        try {
            if (ctx.faults.latencyMs() > 0) {
                Thread.sleep(ctx.faults.latencyMs());
            }
            ResourceUnits.Charge charge = ctx.faults.resourceUnits().charge(ResourceUnitCost.DOWNLOAD, System.currentTimeMillis());
            Faults.DownloadFault fault = ctx.faults.download(ex.getRequestURI().getPath());
            if (fault != null && fault.error() != null) {
                throw fault.error();
            }
            DownloadUrls.Grant g = urls.verify(q.get("tempauth"));
            if (g == null || !ex.getRequestURI().getPath().equalsIgnoreCase("/_layouts/15/download.aspx")) {
                throw new GraphError(401, "unauthenticated", "Invalid pre-authenticated download URL.");
            }
            if (System.currentTimeMillis() > g.expiresAtMillis()) {
                throw new GraphError(401, "unauthenticated", "The pre-authenticated download URL has expired; ask Graph for a new one.");
            }
            Drive drive = ctx.tenant.drive(g.driveId());
            Content content;
            String name;
            synchronized (drive) {
                DriveItem item = drive.item(g.itemId());
                if (g.version() >= item.versions.size()) {
                    throw GraphError.driveItemNotFound();
                }
                drive.refuseContent(item, ctx.faults);
                content = item.versions.get(g.version()).content();
                name = item.name;
            }
            long length = content.length();
            ByteRange range;
            try {
                range = ByteRange.parse(ex.getRequestHeaders().getFirst("Range"), length);
            } catch (IllegalArgumentException e) {
                throw new GraphError(416, "invalidRange", "The requested range is not satisfiable.").header("Content-Range", e.getMessage());
            }
            res = charge.decorate(Res.bytes(range == null ? 200 : 206, DriveJson.mimeType(name), content));
            res.header("Accept-Ranges", "bytes");
            res.header("Content-Disposition", "attachment; filename=\"" + name.replace("\"", "") + "\"");
            from = range == null ? 0 : range.from();
            count = range == null ? length : range.count();
            if (range != null) {
                res.header("Content-Range", "bytes " + from + "-" + (from + count - 1) + "/" + length);
            }
            res.resetMidway = count > 1 && (fault != null && fault.reset() || ctx.faults.resetThisDownload());
            ctx.stats.downloads.increment();
        } catch (GraphError e) {
            res = Res.json(e.status, e.body(null));
            e.headers.forEach(res::header);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        ctx.stats.status(res.status);
        try {
            ctx.stats.bytesServed.add(Exchanges.write(ex, res, from, res.body == null ? 0 : (res.status >= 400 ? res.body.length() : count)));
        } catch (IOException e) {
            if (res.resetMidway) {
                ctx.stats.resets.increment();
            }
            throw e;
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            pool.shutdownNow();
        }
    }
}
