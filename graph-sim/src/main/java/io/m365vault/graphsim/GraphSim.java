package io.m365vault.graphsim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.calendar.EventMutator;
import io.m365vault.graphsim.calendar.EventSnapshot;
import io.m365vault.graphsim.contacts.ContactMutator;
import io.m365vault.graphsim.handlers.CalendarHandler;
import io.m365vault.graphsim.contacts.ContactSnapshot;
import io.m365vault.graphsim.control.DirImporter;
import io.m365vault.graphsim.handlers.ContactHandler;
import io.m365vault.graphsim.handlers.ListHandler;
import io.m365vault.graphsim.handlers.PageHandler;
import io.m365vault.graphsim.handlers.SiteHandler;
import io.m365vault.graphsim.site.ListItemMutator;
import io.m365vault.graphsim.site.ListSnapshot;
import io.m365vault.graphsim.site.PageMutator;
import io.m365vault.graphsim.site.PageSnapshot;
import io.m365vault.graphsim.control.Mutator;
import io.m365vault.graphsim.control.SnapshotSource;
import io.m365vault.graphsim.control.UploadSessions;
import io.m365vault.graphsim.drive.DownloadHost;
import io.m365vault.graphsim.drive.DriveMutator;
import io.m365vault.graphsim.drive.DriveQuotaSnapshot;
import io.m365vault.graphsim.drive.DriveSnapshot;
import io.m365vault.graphsim.drive.DownloadUrls;
import io.m365vault.graphsim.handlers.BatchHandler;
import io.m365vault.graphsim.handlers.DriveHandler;
import io.m365vault.graphsim.handlers.DirectoryHandler;
import io.m365vault.graphsim.handlers.MailHandler;
import io.m365vault.graphsim.handlers.SimControlHandler;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.http.Res;
import io.m365vault.graphsim.mail.MailMutator;
import io.m365vault.graphsim.mail.MailSnapshot;
import io.m365vault.graphsim.model.TenantModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A Microsoft Graph simulator on 127.0.0.1. Embedded use:
 * <pre>
 * try (GraphSim sim = GraphSim.builder().seed(7).users(10).build().start()) {
 *     requestAdapter.setBaseUrl(sim.baseUrl());   // http://127.0.0.1:PORT/v1.0
 * }
 * </pre>
 */
public final class GraphSim implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GraphSim.class);
    private final SimContext ctx;
    private final SimServer server;
    private final SimControlHandler control;
    private final Path tempDir;
    private final UploadSessions uploads;
    private final DownloadHost downloads;
    private final EventSnapshot eventSnapshot;
    private volatile String tlsOrigin;

    private GraphSim(SimConfig config) {
        config.validate();
        this.ctx = new SimContext(config);
        this.server = new SimServer(ctx);
        Mutator mutator = new Mutator();
        List<SnapshotSource> snapshots = new ArrayList<>();
        try {
            tempDir = Files.createTempDirectory("graph-sim-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        uploads = new UploadSessions(tempDir);
        uploads.register(server.uploadRoutes());
        new DirectoryHandler(ctx).register(server.graphRoutes());
        new MailHandler(ctx, uploads).register(server.graphRoutes());
        server.addRewrite(Rewrites::childFolders);
        DownloadUrls urls = new DownloadUrls();
        downloads = new DownloadHost(ctx, urls);
        DriveHandler drives = new DriveHandler(ctx, urls, uploads, tempDir);
        server.addRewrite(drives::rewrite);
        drives.register(server.graphRoutes());
        new BatchHandler(server::dispatch).register(server.graphRoutes());
        mutator.add(new MailMutator(ctx.tenant));
        snapshots.add(new MailSnapshot(ctx.tenant));
        mutator.add(new DriveMutator(ctx.tenant));
        snapshots.add(new DriveSnapshot(ctx.tenant));
        snapshots.add(new DriveQuotaSnapshot(ctx.tenant));
        new ContactHandler(ctx).register(server.graphRoutes());
        new SiteHandler(ctx).register(server.graphRoutes());
        new ListHandler(ctx).register(server.graphRoutes());
        new PageHandler(ctx).register(server.graphRoutes());
        mutator.add(new ListItemMutator(ctx.tenant));
        snapshots.add(new ListSnapshot(ctx.tenant));
        mutator.add(new PageMutator(ctx.tenant));
        snapshots.add(new PageSnapshot(ctx.tenant));
        mutator.add(new ContactMutator(ctx.tenant));
        snapshots.add(new ContactSnapshot(ctx.tenant));
        new CalendarHandler(ctx, uploads).register(server.graphRoutes());
        mutator.add(new EventMutator(ctx.tenant));
        EventSnapshot events = new EventSnapshot(ctx.tenant);
        snapshots.add(events);
        this.eventSnapshot = events;
        DirImporter.run(ctx.tenant, config);
        this.control = new SimControlHandler(ctx, mutator, snapshots);
        control.register(server.controlRoutes());
        server.controlRoutes().get("snapshot/eventInstances", (q, p) -> Res.json(Json.obj().set("value",
                eventInstances(q.q("owner"), window(q.q("startDateTime")), window(q.q("endDateTime"))))));
    }

    public static Builder builder() {
        return new Builder();
    }

    public GraphSim start() throws IOException {
        server.start(ctx.config.port);
        uploads.setOrigin(ctx.origin);
        downloads.start(ctx.config.downloadPort);
        LOG.info("graph-sim started baseUrl={} seed={} users={}", baseUrl(), ctx.config.seed, ctx.config.users);
        return this;
    }

    /** The Graph base URL, {@code http://127.0.0.1:PORT/v1.0}. */
    public String baseUrl() {
        return ctx.origin + "/v1.0";
    }

    public int port() {
        return server.port();
    }

    /**
     * Serves the same tenant over https too (self-signed, see {@link io.m365vault.graphsim.entra.SimTls}),
     * with Entra ID's token endpoint: {@link #tlsBaseUrl} and {@link #authorityHost} are then set.
     */
    public GraphSim startTls() throws IOException {
        tlsOrigin = server.startTls(0);
        LOG.info("graph-sim https baseUrl={} authorityHost={}", tlsBaseUrl(), authorityHost());
        return this;
    }

    /** The Graph base URL over https, {@code https://127.0.0.1:PORT/v1.0} (after {@link #startTls}). */
    public String tlsBaseUrl() {
        return tlsOrigin + "/v1.0";
    }

    /** The Entra ID authority host standing in for {@code https://login.microsoftonline.com/} (after {@link #startTls}). */
    public String authorityHost() {
        return tlsOrigin + "/";
    }

    /** Registers an app with a client secret, so the token endpoint issues it tokens (see {@code /_sim/apps}). */
    public void registerApp(String tenant, String clientId, String secret) {
        control.apps(Json.obj().put("tenant", tenant).put("clientId", clientId).put("secret", secret));
    }

    /** Registers an app with a certificate credential: {@code certificatePem} holds its certificate (a key beside it is ignored). */
    public void registerAppCertificate(String tenant, String clientId, String certificatePem) {
        control.apps(Json.obj().put("tenant", tenant).put("clientId", clientId).put("certificate", certificatePem));
    }

    public SimConfig config() {
        return ctx.config;
    }

    public TenantModel tenant() {
        return ctx.tenant;
    }

    /** Same as GET /_sim/stats. */
    public ObjectNode stats() {
        return control.stats();
    }

    /** Same as POST /_sim/faults: set any of the fault fields, {@code expireDeltaTokens}, {@code inject}. */
    public ObjectNode faults(JsonNode update) {
        return control.faults(update);
    }

    /** Every delta and next link handed out so far answers 410 from now on. */
    public void expireDeltaTokens() {
        ctx.tokens.expireAll();
    }

    /** Same as POST /_sim/mutate; no kinds: all kinds. */
    public ObjectNode mutate(long seed, double fraction, String... kinds) {
        ObjectNode body = Json.obj().put("seed", seed).put("fraction", fraction);
        var k = body.putArray("kinds");
        for (String s : kinds) {
            k.add(s);
        }
        return control.mutate(body);
    }

    /** Same as GET /_sim/snapshot?owner=: items with content hashes per workload. */
    public ObjectNode snapshot(String owner) {
        return control.snapshot(owner);
    }

    /** Same as GET /_sim/snapshot/eventInstances: the live instances a calendar view of [from, to) shows in every calendar. */
    public ArrayNode eventInstances(String owner, Instant from, Instant to) {
        if (owner == null || ctx.tenant.directory().user(owner) == null) {
            throw GraphError.badRequest("BadRequest", "eventInstances needs ?owner=<user id or UPN>&startDateTime=...&endDateTime=...");
        }
        return eventSnapshot.instances(owner, from, to);
    }

    private static Instant window(String iso) {
        if (iso == null) {
            throw GraphError.badRequest("BadRequest", "eventInstances needs startDateTime and endDateTime (ISO instants)");
        }
        try {
            return Instant.parse(iso);
        } catch (java.time.format.DateTimeParseException e) {
            throw GraphError.badRequest("BadRequest", "not an ISO instant: '" + iso + "'");
        }
    }

    @Override
    public void close() {
        server.stop();
        downloads.close();
        try (var files = Files.walk(tempDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not remove {}", tempDir, e);
        }
    }

    /** Knobs as methods; {@link #set} takes any knob by its command-line name. */
    public static final class Builder {
        private final SimConfig config = new SimConfig();

        public Builder seed(long seed) {
            config.seed = seed;
            return this;
        }

        public Builder users(int n) {
            config.users = n;
            return this;
        }

        public Builder groups(int n) {
            config.groups = n;
            return this;
        }

        public Builder messagesPerFolder(int n) {
            config.messagesPerFolder = n;
            return this;
        }

        public Builder filesPerDrive(int n) {
            config.filesPerDrive = n;
            return this;
        }

        public Builder port(int port) {
            config.port = port;
            return this;
        }

        public Builder latencyMs(int ms) {
            config.latencyMs = ms;
            return this;
        }

        /** Any knob by its command-line name, e.g. {@code set("large-file-mb", "120")}. */
        public Builder set(String knob, String value) {
            SimConfig.knob(knob).apply().accept(config, value);
            return this;
        }

        public Builder config(Consumer<SimConfig> change) {
            change.accept(config);
            return this;
        }

        public GraphSim build() {
            return new GraphSim(config);
        }
    }

}
