package io.m365vault.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import io.m365vault.restore.ExportOptions;
import io.m365vault.restore.MailFormat;
import io.m365vault.restore.SearchScope;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;

/**
 * The body of {@code POST /api/restores}:
 * <pre>{"item":"user:&lt;id&gt;", "workloads":["mail","calendar","contacts","files"], "at":"2026-11-25T10:00:00Z",
 *  "target":"export", "format":"eml"|"mbox", "path":"OneDrive/Documents",
 *  "filters":{"subject":"report", "from":"ann@contoso.com", "name":".xlsx", "after":"2026-01-01", "before":"2026-02-01T00:00:00Z"}}</pre>
 * Only {@code item} is required: workloads default to everything the item has (a user's mailbox
 * and OneDrive, a site's or group's files), {@code at} to now, {@code target} to export;
 * {@code path} narrows the files to one folder or file ({@code <drive>/<folder>/...}), or, when
 * mail is the one workload, the mail to one folder or message ({@code Inbox/<folder>/<message id>});
 * {@code filters} is a search over the backup's metadata ({@link SearchScope}), a date being a day
 * ({@code 2026-01-01}, from its start in UTC) or a UTC time. Into the tenant ({@link TenantTarget}: {@code original}, or
 * {@code alternate} with {@code toItem}; {@code folder}, {@code skipExisting}, {@code versions}) mail, calendar, contacts
 * and files are restored (mail when no workload is named for a user, files for a site or group),
 * {@code path} narrowing the files there too.
 */
public record RestoreRequest(ProtectedItem item, Set<Workload> workloads, Instant at, String target, MailFormat format, String path,
                             TenantTarget tenant, SearchScope search) {
    public static final Set<String> FIELDS = Set.of("item", "workloads", "at", "target", "format", "path", "filters",
            "toItem", "folder", "skipExisting", "versions");
    private static final String WHAT = "restore request";

    /** The fields of {@code filters}. */
    public static final Set<String> FILTERS = Set.of("subject", "from", "name", "after", "before");

    public RestoreRequest {
        workloads = Set.copyOf(workloads);
        search = search == null ? SearchScope.ALL : search;
    }

    public RestoreRequest(ProtectedItem item, Set<Workload> workloads, Instant at, String target, MailFormat format, String path,
                          TenantTarget tenant) {
        this(item, workloads, at, target, format, path, tenant, SearchScope.ALL);
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
        Set<Workload> workloads = tenant != null ? tenant.workloads(n, item, WHAT) : workloads(n, item);
        String lacking = ExportOptions.lacking(item, workloads);
        if (lacking != null) {
            throw new InvalidRequestException(WHAT + ": " + lacking);
        }
        String path = StrictJson.text(n, "path", WHAT);
        if (path != null && !workloads.contains(Workload.FILES) && !workloads.equals(Set.of(Workload.MAIL))) {
            throw new InvalidRequestException(WHAT + ".path names a folder or file of the files, or a folder or message of the mail when mail is"
                    + " the one workload; the workloads leave both out");
        }
        return new RestoreRequest(item, workloads, at(n, now), target, format(n), path, tenant, filters(n.get("filters")));
    }

    /** The one folder or file of the files the path names, or null. */
    public String filesPath() {
        return workloads.contains(Workload.FILES) ? path : null;
    }

    /** The one folder or message of the mail the path names (mail being the one workload), or null. */
    public String mailPath() {
        return workloads.contains(Workload.FILES) ? null : path;
    }

    /** The search a {@code filters} object asks for (the CLI's --subject, --from, --name, --after, --before build one). */
    public static SearchScope filters(JsonNode f) {
        if (f == null || f.isNull()) {
            return SearchScope.ALL;
        }
        if (!f.isObject()) {
            throw new InvalidRequestException(WHAT + ".filters must be an object of " + String.join(", ", FILTERS.stream().sorted().toList()));
        }
        StrictJson.object(f.toString(), WHAT + ".filters", FILTERS);
        String what = WHAT + ".filters";
        try {
            return new SearchScope(StrictJson.text(f, "subject", what), StrictJson.text(f, "from", what), StrictJson.text(f, "name", what),
                    day(f, "after"), day(f, "before"));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(what + ": " + e.getMessage());
        }
    }

    /** A day (its start in UTC) or a UTC time. */
    private static Instant day(JsonNode f, String field) {
        String s = StrictJson.text(f, field, WHAT + ".filters");
        if (s == null) {
            return null;
        }
        try {
            return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(WHAT + ".filters." + field + " must be a day such as 2026-11-25 or a UTC time such as"
                    + " 2026-11-25T10:00:00Z, got '" + s + "'");
        }
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
        return new RestoreRequest(other, workloads, at, target, format, path, t, search);
    }

    public RestoreRequest withTenant(TenantTarget other) {
        return new RestoreRequest(item, workloads, at, target, format, path, other, search);
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
        if (search.narrows()) {
            ObjectNode f = o.putObject("filters");
            f.put("subject", search.subject()).put("from", search.from()).put("name", search.name());
            f.put("after", search.after() == null ? null : search.after().toString());
            f.put("before", search.before() == null ? null : search.before().toString());
        }
        return o.toString();
    }
}
