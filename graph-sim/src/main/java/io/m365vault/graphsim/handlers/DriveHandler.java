package io.m365vault.graphsim.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.SimContext;
import io.m365vault.graphsim.control.UploadSessions;
import io.m365vault.graphsim.delta.DeltaState;
import io.m365vault.graphsim.delta.DeltaTokens;
import io.m365vault.graphsim.drive.Drive;
import io.m365vault.graphsim.drive.DriveItem;
import io.m365vault.graphsim.drive.DriveJson;
import io.m365vault.graphsim.drive.DownloadUrls;
import io.m365vault.graphsim.drive.FileContent;
import io.m365vault.graphsim.http.Content;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.http.Paging;
import io.m365vault.graphsim.http.Req;
import io.m365vault.graphsim.http.Res;
import io.m365vault.graphsim.http.Router;
import io.m365vault.graphsim.model.SimGroup;
import io.m365vault.graphsim.site.SimSite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Drives and driveItems: aliases (users/{u}/drive, groups/{g}/drive, sites/{s}/drive, root) are
 * rewritten to drives/{id}/items/...; content answers 302 to the download host; uploads simple
 * and by session; versions; delta with the deleted facet.
 */
public final class DriveHandler {
    private final SimContext ctx;
    private final DownloadUrls urls;
    private final UploadSessions uploads;
    private final Path uploadDir;

    public DriveHandler(SimContext ctx, DownloadUrls urls, UploadSessions uploads, Path uploadDir) {
        this.ctx = ctx;
        this.urls = urls;
        this.uploads = uploads;
        this.uploadDir = uploadDir;
    }

    /** users/{u}/drive/..., groups/{g}/drive/..., sites/{s}/drive/... and drives/{d}/root... to drives/{d}/items/root... */
    public List<String> rewrite(List<String> s) {
        List<String> out = s;
        if (s.size() >= 3 && s.get(2).equalsIgnoreCase("drive")) {
            String kind = s.get(0).toLowerCase();
            String driveId = switch (kind) {
                case "users" -> ctx.tenant.userDriveId(s.get(1));
                case "groups" -> groupDriveId(s.get(1));
                case "sites" -> site(s.get(1)).driveIds.get(0);
                default -> null;
            };
            if (driveId != null) {
                out = new ArrayList<>(List.of("drives", driveId));
                out.addAll(s.subList(3, s.size()));
            }
        }
        if (out.size() >= 3 && out.get(0).equalsIgnoreCase("drives")
                && (out.get(2).equalsIgnoreCase("root") || out.get(2).toLowerCase().startsWith("root:"))) {
            List<String> n = new ArrayList<>(out.subList(0, 2));
            n.add("items");
            n.addAll(out.subList(2, out.size()));
            out = n;
        }
        return out;
    }

    private String groupDriveId(String groupId) {
        SimGroup g = ctx.tenant.directory().group(groupId);
        if (g == null) {
            throw GraphError.resourceNotFound(groupId);
        }
        SimSite site = ctx.tenant.sites().groupSite(g.id);
        if (site == null) {
            throw GraphError.notFound("itemNotFound", "The group has no drive: only Microsoft 365 groups have a team site.");
        }
        return site.driveIds.get(0);
    }

    private SimSite site(String id) {
        SimSite s = ctx.tenant.sites().site(id);
        if (s == null) {
            throw GraphError.notFound("itemNotFound", "Requested site could not be found");
        }
        return s;
    }

    public void register(Router r) {
        r.get("drives/{d}", (q, p) -> Res.json(Paging.project(driveJson(p.get("d")), Paging.select(q))));
        r.get("users/{u}/drives", (q, p) -> drives(q, List.of(ctx.tenant.userDriveId(p.get("u")))));
        r.get("groups/{g}/drives", (q, p) -> drives(q, List.of(groupDriveId(p.get("g")))));
        r.get("sites/{s}/drives", (q, p) -> drives(q, site(p.get("s")).driveIds));
        r.get("drives/{d}/items/{i}", this::getItem);
        r.get("drives/{d}/items/{i}/children", this::children);
        r.get("drives/{d}/items/{i}/delta", this::delta);
        r.get("drives/{d}/items/{i}/content", (q, p) -> content(p, -1));
        r.put("drives/{d}/items/{i}/content", this::upload);
        r.post("drives/{d}/items/{i}/children", this::createFolder);
        r.post("drives/{d}/items/{i}/createUploadSession", this::createUploadSession);
        r.delete("drives/{d}/items/{i}", this::delete);
        r.post("drives/{d}/items/{i}/permanentDelete", this::delete);
        r.patch("drives/{d}/items/{i}", this::patch);
        r.get("drives/{d}/items/{i}/versions", this::versions);
        r.get("drives/{d}/items/{i}/versions/{v}/content", (q, p) -> content(p, versionIndex(p.get("v"))));
    }

    private static int versionIndex(String v) {
        try {
            return (int) Double.parseDouble(v) - 1;
        } catch (NumberFormatException e) {
            throw GraphError.driveItemNotFound();
        }
    }

    private ObjectNode driveJson(String driveId) {
        Drive d = ctx.tenant.drive(driveId);
        synchronized (d) {
            return DriveJson.drive(d.spec, d.used(), d.quotaBytes());
        }
    }

    private Res drives(Req req, List<String> ids) {
        List<JsonNode> out = new ArrayList<>();
        for (String id : ids) {
            out.add(driveJson(id));
        }
        return Paging.list(req, out, 200, 1000);
    }

    private String downloadUrl(Drive d, DriveItem i, int version) {
        return urls.url(ctx.downloadOrigin, d.spec.id(), i.id(), version < 0 ? i.versions.size() - 1 : version,
                ctx.faults.downloadUrlTtlSeconds() * 1000L);
    }

    private ObjectNode itemJson(Drive d, DriveItem i) {
        return DriveJson.item(d, i, f -> downloadUrl(d, f, -1));
    }

    private Res getItem(Req req, Map<String, String> p) {
        Drive d = ctx.tenant.drive(p.get("d"));
        synchronized (d) {
            return Res.json(Paging.project(itemJson(d, d.item(p.get("i"))), Paging.select(req)));
        }
    }

    private Res children(Req req, Map<String, String> p) {
        Drive d = ctx.tenant.drive(p.get("d"));
        synchronized (d) {
            List<JsonNode> out = new ArrayList<>();
            for (DriveItem c : d.children(d.item(p.get("i")))) {
                out.add(itemJson(d, c));
            }
            return Paging.list(req, out, 200, 1000);
        }
    }

    private Res delta(Req req, Map<String, String> p) {
        Drive d = ctx.tenant.drive(p.get("d"));
        synchronized (d) {
            DriveItem scope = d.item(p.get("i"));
            DeltaState st = ctx.delta.state(req, DeltaTokens.Flavour.DRIVE, 200, 1000, null, null);
            String link = "drives/" + Req.encodeSegment(d.spec.id()) + "/items/" + Req.encodeSegment(scope.id()) + "/delta";
            return ctx.delta.respond(req, st, d.byKey, i -> scope.isRoot() || within(d, i, scope),
                    i -> i.deleted() ? DriveJson.deleted(d, i) : itemJson(d, i), link, true);
        }
    }

    private static boolean within(Drive d, DriveItem i, DriveItem scope) {
        for (DriveItem cur = i; cur != null; cur = d.parent(cur)) {
            if (cur.id().equals(scope.id())) {
                return true;
            }
        }
        return false;
    }

    private Res content(Map<String, String> p, int version) {
        Drive d = ctx.tenant.drive(p.get("d"));
        synchronized (d) {
            DriveItem i = d.item(p.get("i"));
            if (i.folder) {
                throw GraphError.badRequest("invalidRequest", "Folders have no content.");
            }
            if (version >= i.versions.size() || version < -1) {
                throw GraphError.driveItemNotFound();
            }
            d.refuseContent(i, ctx.faults);
            return Res.redirect(downloadUrl(d, i, version));
        }
    }

    /** Resolves "parent:/a/b/name:" to (parent folder, name), creating missing folders as OneDrive does. */
    private record Target(DriveItem parent, String name, DriveItem existing) {
    }

    private Target target(Drive d, String ref) {
        int colon = ref.indexOf(':');
        if (colon < 0) {
            DriveItem existing = d.item(ref);
            return new Target(d.parent(existing), existing.name, existing);
        }
        DriveItem parent = d.item(ref.substring(0, colon));
        String path = ref.substring(colon + 1);
        if (path.endsWith(":")) {
            path = path.substring(0, path.length() - 1);
        }
        String[] parts = path.replaceAll("^/+", "").split("/");
        for (int k = 0; k < parts.length - 1; k++) {
            DriveItem next = d.child(parent, parts[k]);
            parent = next != null ? next : d.createFolder(parent, parts[k]);
        }
        String name = parts[parts.length - 1];
        if (name.isEmpty()) {
            throw GraphError.badRequest("invalidRequest", "A file name is required.");
        }
        return new Target(parent, name, d.child(parent, name));
    }

    private Path spill(byte[] body) {
        try {
            Path f = Files.createTempFile(uploadDir, "file-", ".bin");
            Files.write(f, body);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Res upload(Req req, Map<String, String> p) {
        if (req.body.length > 250L * 1024 * 1024) {
            throw new GraphError(413, "requestTooLarge", "Simple upload is limited to 250 MB; use an upload session.");
        }
        Drive d = ctx.tenant.drive(p.get("d"));
        Content content = new FileContent(spill(req.body));
        synchronized (d) {
            Target t = target(d, p.get("i"));
            String cb = req.q("@microsoft.graph.conflictBehavior");
            String name = d.freeName(t.parent(), t.name(), cb == null ? "replace" : cb);
            boolean replaced = d.child(t.parent(), name) != null;
            DriveItem f = d.writeFile(t.parent(), name, content);
            return Res.json(replaced ? 200 : 201, itemJson(d, f));
        }
    }

    private Res createUploadSession(Req req, Map<String, String> p) {
        JsonNode body = req.body.length == 0 ? Json.obj() : Json.parse(req.body);
        JsonNode item = Json.get(body, "item");
        String cb = Json.text(item, "@microsoft.graph.conflictBehavior", "fail");
        Drive d = ctx.tenant.drive(p.get("d"));
        Target t;
        synchronized (d) {
            t = target(d, p.get("i"));
            d.freeName(t.parent(), t.name(), cb);
        }
        long total = item != null && Json.get(item, "fileSize") != null ? Json.get(item, "fileSize").asLong()
                : Long.parseLong(req.q("fileSize") == null ? "-1" : req.q("fileSize"));
        ObjectNode session = uploads.create(total < 0 ? Long.MAX_VALUE : total, true, file -> {
            synchronized (d) {
                String name = d.freeName(t.parent(), t.name(), cb);
                boolean replaced = d.child(t.parent(), name) != null;
                DriveItem f = d.writeFile(t.parent(), name, new FileContent(file));
                fileSystemInfo(f, Json.get(item, "fileSystemInfo"));
                return Res.json(replaced ? 200 : 201, itemJson(d, f));
            }
        });
        return Res.json(200, session);
    }

    private Res createFolder(Req req, Map<String, String> p) {
        JsonNode body = Json.parse(req.body);
        String name = Json.text(body, "name", null);
        if (name == null || name.isBlank()) {
            throw GraphError.badRequest("invalidRequest", "name is required.");
        }
        Drive d = ctx.tenant.drive(p.get("d"));
        synchronized (d) {
            DriveItem parent = d.item(p.get("i"));
            String cb = Json.text(body, "@microsoft.graph.conflictBehavior", "fail");
            String free = d.freeName(parent, name, cb);
            DriveItem existing = d.child(parent, free);
            DriveItem f = existing != null && existing.folder ? existing : d.createFolder(parent, free);
            return Res.json(201, itemJson(d, f));
        }
    }

    private Res delete(Req req, Map<String, String> p) {
        Drive d = ctx.tenant.drive(p.get("d"));
        synchronized (d) {
            d.delete(d.item(p.get("i")));
        }
        return Res.empty(204);
    }

    private Res patch(Req req, Map<String, String> p) {
        JsonNode body = Json.parse(req.body);
        Drive d = ctx.tenant.drive(p.get("d"));
        synchronized (d) {
            DriveItem i = d.item(p.get("i"));
            String parentId = Json.text(Json.get(body, "parentReference"), "id", null);
            String name = Json.text(body, "name", null);
            if (parentId != null || name != null) {
                DriveItem parent = parentId == null ? d.parent(i) : d.item(parentId);
                d.move(i, parent, name == null ? null : d.freeName(parent, name, "fail"));
            }
            fileSystemInfo(i, Json.get(body, "fileSystemInfo"));
            return Res.json(itemJson(d, i));
        }
    }

    /** The client's times of {@code fileSystemInfo}, as an upload session's item or a PATCH gives them (a restore keeping the original's). */
    private static void fileSystemInfo(DriveItem i, JsonNode fsi) {
        if (fsi == null || !fsi.isObject()) {
            return;
        }
        try {
            String created = Json.text(fsi, "createdDateTime", null);
            String modified = Json.text(fsi, "lastModifiedDateTime", null);
            if (created != null) {
                i.fsCreated = java.time.OffsetDateTime.parse(created).toInstant();
            }
            if (modified != null) {
                i.fsModified = java.time.OffsetDateTime.parse(modified).toInstant();
            }
        } catch (java.time.format.DateTimeParseException e) {
            throw GraphError.badRequest("invalidRequest", "fileSystemInfo holds an invalid date: " + e.getParsedString());
        }
    }

    private Res versions(Req req, Map<String, String> p) {
        Drive d = ctx.tenant.drive(p.get("d"));
        synchronized (d) {
            DriveItem i = d.item(p.get("i"));
            List<JsonNode> out = new ArrayList<>();
            DriveJson.versions(d, i).forEach(out::add);
            return Paging.list(req, out, 200, 1000);
        }
    }
}
