package io.m365vault.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.backup.ProtectedItem;
import io.m365vault.backup.Workload;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a restore into Microsoft 365 writes: {@code toItem} the mailbox or drive (the item itself
 * for the original place; a user, site or group for files, a user for a mailbox's workloads),
 * {@code folder} a top-level folder the tree goes under (null: the original folders and
 * calendars), {@code skipExisting} to leave out what the target already holds, {@code versions}
 * to restore the files' kept earlier versions as versions of their copies.
 */
public record TenantTarget(ProtectedItem toItem, String folder, boolean skipExisting, boolean versions) {
    /** What a tenant restore writes today: a mailbox's mail, calendars and contacts, files, a site's lists and pages. */
    /** The workloads that write into a user's mailbox, and so take users only. */
    static final Set<Workload> MAILBOX = Set.of(Workload.MAIL, Workload.CALENDAR, Workload.CONTACTS);
    /** The workloads that write into a site, and so take sites only. */
    static final Set<Workload> SITE = Set.of(Workload.LISTS, Workload.PAGES);

    /** The tenant part of a request body, or null for an export; one line on anything wrong. */
    static TenantTarget parse(JsonNode n, ProtectedItem item, String target, String what) {
        String toItem = StrictJson.text(n, "toItem", what);
        String folder = StrictJson.text(n, "folder", what);
        JsonNode skip = n.get("skipExisting");
        if (skip != null && !skip.isNull() && !skip.isBoolean()) {
            throw new InvalidRequestException(what + ".skipExisting must be true or false, got " + skip);
        }
        boolean skipExisting = skip != null && skip.asBoolean(false);
        JsonNode v = n.get("versions");
        if (v != null && !v.isNull() && !v.isBoolean()) {
            throw new InvalidRequestException(what + ".versions must be true or false, got " + v);
        }
        boolean versions = v != null && v.asBoolean(false);
        if ("export".equals(target)) {
            if (toItem != null || folder != null || skipExisting || versions) {
                throw new InvalidRequestException(what + ": toItem, folder, skipExisting and versions name a place in the tenant, not an export");
            }
            return null;
        }
        if ("alternate".equals(target) && toItem == null) {
            throw new InvalidRequestException(what + ".target alternate needs toItem, e.g. \"user:<id or UPN>\"");
        }
        if ("original".equals(target) && toItem != null && !ItemIds.parse(toItem).equals(item)) {
            throw new InvalidRequestException(what + ".target original restores into " + item + " itself; use alternate with toItem");
        }
        ProtectedItem to = toItem == null ? item : ItemIds.parse(toItem);
        if (folder != null && (folder.isBlank() || folder.length() > 255)) {
            throw new InvalidRequestException(what + ".folder must be a folder name of 1 to 255 characters");
        }
        return new TenantTarget(to, folder, skipExisting, versions);
    }

    /**
     * The workloads asked for, which must be ones a tenant restore writes; when none are named, mail
     * for a user (as before the others could be restored), files for a site or group.
     */
    Set<Workload> workloads(JsonNode n, ProtectedItem item, String what) {
        Set<Workload> out = named(n, item, what);
        boolean users = "user".equals(item.kind()) && "user".equals(toItem.kind());
        if (!users && out.stream().anyMatch(MAILBOX::contains)) {
            throw new InvalidRequestException(what + ": mail, calendar and contacts go from a user's mailbox into a user's mailbox, not "
                    + item + " into " + toItem + "; files go into a user's, site's or group's drive");
        }
        boolean sites = "site".equals(item.kind()) && "site".equals(toItem.kind());
        if (!sites && out.stream().anyMatch(SITE::contains)) {
            throw new InvalidRequestException(what + ": lists and pages go from a site into a site, not " + item + " into " + toItem);
        }
        if (folder != null && SITE.containsAll(out)) {
            throw new InvalidRequestException(what + ".folder names a folder for mail, calendars, contacts or files; lists and pages go back"
                    + " under their own names");
        }
        if (versions && !out.contains(Workload.FILES)) {
            throw new InvalidRequestException(what + ".versions restores the files' earlier versions, which the workloads leave out");
        }
        return out;
    }

    private static Set<Workload> named(JsonNode n, ProtectedItem item, String what) {
        JsonNode w = n.get("workloads");
        if (w == null || w.isNull()) {
            return Set.of("user".equals(item.kind()) ? Workload.MAIL : Workload.FILES);
        }
        if (!w.isArray() || w.isEmpty()) {
            throw new InvalidRequestException(what + ".workloads must be a non-empty array of strings");
        }
        Set<Workload> out = EnumSet.noneOf(Workload.class);
        for (JsonNode s : w) {
            Workload parsed = null;
            try {
                parsed = s.isTextual() ? Workload.parse(s.asText()) : null;
            } catch (IllegalArgumentException e) {
                // Named below, with the workloads there are.
            }
            if (parsed == null) {
                throw new InvalidRequestException(what + ".workloads: no workload " + s + ";"
                        + " the workloads are mail, calendar, contacts, files, lists and pages");
            }
            out.add(parsed);
        }
        return out;
    }

    void write(ObjectNode o) {
        o.put("toItem", toItem.toString());
        if (folder != null) {
            o.put("folder", folder);
        }
        o.put("skipExisting", skipExisting);
        o.put("versions", versions);
    }

    /** The same target into another mailbox (a UPN resolved to the user's id). */
    TenantTarget withToItem(ProtectedItem resolved) {
        return new TenantTarget(resolved, folder, skipExisting, versions);
    }
}
