package io.m365vault.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.restore.ExportOptions;
import io.m365vault.restore.MailFormat;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;

/**
 * The body of {@code POST /api/restores}:
 * <pre>{"item":"user:&lt;id&gt;", "workloads":["mail","calendar","contacts","files"], "at":"2026-11-25T10:00:00Z",
 *  "target":"export", "format":"eml"|"mbox", "path":"OneDrive/Documents", "filters":{}}</pre>
 * Only {@code item} is required: workloads default to everything the item has (a user's mailbox
 * and OneDrive, a site's or group's files), {@code at} to now, {@code target} to export;
 * {@code path} narrows the files to one folder or file ({@code <drive>/<folder>/...}). Any filter
 * is refused as not supported yet. Into the tenant ({@link TenantTarget}: {@code original}, or
 * {@code alternate} with {@code toItem}; {@code folder}, {@code skipExisting}, {@code versions}) mail, calendar, contacts
 * and files are restored (mail when no workload is named for a user, files for a site or group),
 * {@code path} narrowing the files there too.
 */
public record RestoreRequest(ProtectedItem item, Set<Workload> workloads, Instant at, String target, MailFormat format, String path,
                             TenantTarget tenant) {
    public static final Set<String> FIELDS = Set.of("item", "workloads", "at", "target", "format", "path", "filters",
            "toItem", "folder", "skipExisting", "versions");
    private static final String WHAT = "restore request";

    public RestoreRequest {
        workloads = Set.copyOf(workloads);
    }

    public RestoreRequest(ProtectedItem item, Set<Workload> workloads, Instant at, String target, MailFormat format, String path) {
        this(item, workloads, at, target, format, path, null);
    }

    /** Whether the job writes into Microsoft 365 rather than an export zip. */
    public boolean intoTenant() {
        return tenant != null;
    }

    /** @throws InvalidRequestException one line: malformed JSON, an unknown field, a wrong type or value */
    public static RestoreRequest parse(String json, Instant now) {
        JsonNode n = StrictJson.object(json, WHAT, FIELDS);
        String itemText = StrictJson.text(n, "item", WHAT);
        if (itemText == null) {
            throw new InvalidRequestException(WHAT + " needs item, e.g. \"user:<id or UPN>\"");
        }
        ProtectedItem item = ItemIds.parse(itemText);
        String target = StrictJson.text(n, "target", WHAT);
        target = target == null ? "export" : target;
        if (!Set.of("export", "original", "alternate").contains(target)) {
            throw new InvalidRequestException(WHAT + ".target must be export, original or alternate, got '" + target + "'");
        }
        TenantTarget tenant = TenantTarget.parse(n, item, target, WHAT);
        JsonNode filters = n.get("filters");
        if (filters != null && !filters.isNull() && !(filters.isObject() && filters.isEmpty())) {
            throw new InvalidRequestException(WHAT + ".filters are not supported yet; export the whole item");
        }
        Set<Workload> workloads = tenant != null ? tenant.workloads(n, item, WHAT) : workloads(n, item);
        String lacking = ExportOptions.lacking(item, workloads);
        if (lacking != null) {
            throw new InvalidRequestException(WHAT + ": " + lacking);
        }
        String path = StrictJson.text(n, "path", WHAT);
        if (path != null && !workloads.contains(Workload.FILES)) {
            throw new InvalidRequestException(WHAT + ".path names a folder or file of the files, which the workloads leave out");
        }
        return new RestoreRequest(item, workloads, at(n, now), target, format(n), path, tenant);
    }

    private static Set<Workload> workloads(JsonNode n, ProtectedItem item) {
        JsonNode w = n.get("workloads");
        if (w == null || w.isNull()) {
            return ExportOptions.everything(item);
        }
        if (!w.isArray() || w.isEmpty()) {
            throw new InvalidRequestException(WHAT + ".workloads must be a non-empty array of strings");
        }
        Set<Workload> out = EnumSet.noneOf(Workload.class);
        for (JsonNode s : w) {
            if (!s.isTextual()) {
                throw new InvalidRequestException(WHAT + ".workloads must hold strings, got " + s);
            }
            Workload wl;
            try {
                wl = Workload.parse(s.asText());
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException(WHAT + ".workloads: " + e.getMessage());
            }
            if (!ExportOptions.EXPORTABLE.contains(wl)) {
                throw new InvalidRequestException(WHAT + ".workloads: an export writes mail, calendar, contacts, files, lists or pages, not " + wl.id());
            }
            out.add(wl);
        }
        return out;
    }

    private static Instant at(JsonNode n, Instant now) {
        String at = StrictJson.text(n, "at", WHAT);
        if (at == null) {
            return now;
        }
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(WHAT + ".at must be an ISO-8601 UTC time such as 2026-11-25T10:00:00Z, got '" + at + "'");
        }
    }

    private static MailFormat format(JsonNode n) {
        String f = StrictJson.text(n, "format", WHAT);
        try {
            return f == null ? MailFormat.EML : MailFormat.parse(f);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(WHAT + ".format: " + e.getMessage());
        }
    }

    /** The request for {@code other} (the item resolved to its id); a restore into the original place follows it. */
    public RestoreRequest withItem(ProtectedItem other) {
        TenantTarget t = tenant != null && "original".equals(target) ? tenant.withToItem(other) : tenant;
        return new RestoreRequest(other, workloads, at, target, format, path, t);
    }

    public RestoreRequest withTenant(TenantTarget other) {
        return new RestoreRequest(item, workloads, at, target, format, path, other);
    }

    public String toJson() {
        ObjectNode o = new ObjectMapper().createObjectNode();
        o.put("item", item.toString());
        workloads.stream().map(Workload::id).sorted().forEach(o.putArray("workloads")::add);
        o.put("at", at.toString());
        o.put("target", target);
        o.put("format", format.name().toLowerCase(java.util.Locale.ROOT));
        if (path != null) {
            o.put("path", path);
        }
        if (tenant != null) {
            tenant.write(o);
        }
        return o.toString();
    }
}
