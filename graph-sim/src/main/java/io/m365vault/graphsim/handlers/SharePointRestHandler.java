package io.m365vault.graphsim.handlers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.SimContext;
import io.m365vault.graphsim.control.Faults;
import io.m365vault.graphsim.control.ResourceUnitCost;
import io.m365vault.graphsim.control.ResourceUnits;
import io.m365vault.graphsim.http.Content;
import io.m365vault.graphsim.http.GraphError;
import io.m365vault.graphsim.http.Json;
import io.m365vault.graphsim.http.Res;
import io.m365vault.graphsim.site.ListAttachment;
import io.m365vault.graphsim.site.ListItemRecord;
import io.m365vault.graphsim.site.SimSite;
import io.m365vault.graphsim.site.SiteContent;
import io.m365vault.graphsim.site.SiteList;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of SharePoint REST a backup needs and Graph lacks: a list item's attachments
 * ({@code {site}/_api/web/lists(guid'{id}')/items({n})/AttachmentFiles}, one file by
 * {@code AttachmentFiles('{name}')}, its bytes by {@code .../$value}) and the restore's write of
 * one ({@code POST .../AttachmentFiles/add(FileName='{name}')} with the bytes as the body), answered as
 * {@code odata=nometadata} JSON and errors in SharePoint's {@code odata.error} shape.
 * As SharePoint does, it refuses app-only tokens got with a client secret (401 "Unsupported app
 * only token.") and takes those got with a certificate; requests without a token are refused once
 * an app is registered, and served otherwise, as the simulator's Graph serves them. Requests go through the injected faults, the site's limits and the tenant's
 * resource units like Graph's.
 */
public final class SharePointRestHandler {
    private static final Pattern ATTACHMENTS = Pattern.compile(
            "(?<web>(/sites/[^/]+)?)/_api/web/lists\\(guid'(?<list>[0-9A-Fa-f-]{36})'\\)/items\\((?<item>\\d+)\\)/AttachmentFiles"
                    + "(\\('(?<name>(?:[^']|'')+)'\\)(?<value>/\\$value)?|/add\\(FileName='(?<add>(?:[^']|'')+)'\\))?/?");
    private final SimContext ctx;

    public SharePointRestHandler(SimContext ctx) {
        this.ctx = ctx;
    }

    /** Whether {@code path} (decoded) is SharePoint REST's. */
    public static boolean handles(String path) {
        return path.contains("/_api/");
    }

    public Res serve(String method, String path, Map<String, String> headers, byte[] body) {
        Matcher m = ATTACHMENTS.matcher(path);
        boolean add = m.matches() && m.group("add") != null;
        ctx.stats.request(!m.matches() ? "unmatched" : add ? "POST _api/web/lists/items/AttachmentFiles/add"
                : "GET _api/web/lists/items/AttachmentFiles" + (m.group("value") != null ? "/$value" : ""));
        try {
            Res refused = refusal(authorization(headers));
            if (refused != null) {
                return refused;
            }
            if (!m.matches() || !method.equals(add ? "POST" : "GET")) {
                throw spError(404, "-2147024894, System.IO.FileNotFoundException", "File Not Found.");
            }
            SimSite site = site(m.group("web"));
            ResourceUnits.Charge charge = ctx.faults.resourceUnits().charge(add ? 2 : ResourceUnitCost.DOWNLOAD, System.currentTimeMillis());
            Res res;
            try (Faults.Permit permit = ctx.faults.admit(method, path, "sites/" + site.id)) {
                res = answer(site, m, body);
            }
            charge.decorate(res);
            return res;
        } catch (GraphError e) {
            return error(e);
        }
    }

    private Res answer(SimSite site, Matcher m, byte[] body) {
        SiteContent c = ctx.tenant.siteContent(site.id);
        synchronized (c) {
            SiteList list = c.lists.get(m.group("list").toLowerCase());
            if (list == null) {
                throw spError(404, "-1, System.ArgumentException", "List does not exist.\n\nThe page you selected contains a list that does not exist.");
            }
            ListItemRecord item = list.items.get(m.group("item"));
            if (item == null || item.deleted()) {
                throw spError(404, "-2130575338, System.ArgumentException", "Item does not exist. It may have been deleted by another user.");
            }
            String folder = site.webPath() + "/Lists/" + list.name + "/Attachments/" + item.id() + "/";
            if (m.group("add") != null) {
                String name = m.group("add").replace("''", "'");
                if (item.attachments.stream().anyMatch(x -> x.name().equalsIgnoreCase(name))) {
                    throw spError(400, "-2130575257, Microsoft.SharePoint.SPException", "The specified name is already in use.");
                }
                ListAttachment a = new ListAttachment(name, body == null ? new byte[0] : body);
                c.attach(item, a);
                return Res.json(file(folder, a));
            }
            if (m.group("name") == null) {
                ObjectNode j = Json.obj();
                ArrayNode files = j.putArray("value");
                item.attachments.forEach(a -> files.add(file(folder, a)));
                return Res.json(j);
            }
            String name = m.group("name").replace("''", "'");
            ListAttachment a = item.attachments.stream().filter(x -> x.name().equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> spError(404, "-2147024894, System.IO.FileNotFoundException", "File Not Found."));
            return m.group("value") != null ? Res.bytes(200, "application/octet-stream", Content.of(a.content())) : Res.json(file(folder, a));
        }
    }

    private static ObjectNode file(String folder, ListAttachment a) {
        ObjectNode j = Json.obj();
        j.put("FileName", a.name());
        j.putObject("FileNameAsPath").put("DecodedUrl", a.name());
        j.putObject("ServerRelativePath").put("DecodedUrl", folder + a.name());
        j.put("ServerRelativeUrl", folder + a.name());
        return j;
    }

    private static String authorization(Map<String, String> headers) {
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase("Authorization")) {
                return h.getValue();
            }
        }
        return null;
    }

    /** SharePoint's answer to a token it does not take, or null to go on. */
    private Res refusal(String authorization) {
        if (authorization == null) {
            // SharePoint takes no anonymous request; the simulator without apps registered serves them, as its Graph does.
            return ctx.entra.hasApps() ? Res.json(401, Json.obj().put("error_description", "Unsupported app only token.")) : null;
        }
        String token = authorization.replaceFirst("(?i)^Bearer ", "");
        if (!ctx.entra.accepts(token)) {
            return Res.json(401, Json.obj().put("error_description", "Invalid JWT token. The token is expired or not valid."));
        }
        if (!ctx.entra.byCertificate(token)) {
            return Res.json(401, Json.obj().put("error_description", "Unsupported app only token."))
                    .header("x-ms-diagnostics", "3001000;reason=\"There has been an error authenticating the request.\";category=\"invalid_client\"");
        }
        return null;
    }

    private SimSite site(String webPath) {
        for (SimSite s : ctx.tenant.sites().sites()) {
            if (s.webPath().equalsIgnoreCase(webPath)) {
                return s;
            }
        }
        throw spError(404, "-2147024894, System.IO.FileNotFoundException", "File Not Found.");
    }

    private static GraphError spError(int status, String code, String message) {
        return new GraphError(status, code, message);
    }

    /** An error as SharePoint REST gives it with {@code odata=nometadata}, Retry-After and the like kept. */
    private static Res error(GraphError e) {
        ObjectNode j = Json.obj();
        ObjectNode err = j.putObject("odata.error");
        err.put("code", e.code);
        err.putObject("message").put("lang", "en-US").put("value", e.getMessage());
        Res r = Res.json(e.status, j);
        e.headers.forEach(r::header);
        return r;
    }
}
