package io.m365vault.graphsim.site;

import com.fasterxml.jackson.databind.node.ArrayNode;

import java.time.Instant;
import java.util.Comparator;
import java.util.TreeMap;

/**
 * A SharePoint list of a site: its columns and its items, tombstones included, sorted by id for
 * delta paging. Hidden lists ({@code list.hidden}) are listed; system lists (the {@code system}
 * facet) only when a listing selects {@code system}, as Graph documents.
 */
public final class SiteList {
    public final String id;
    /** The URL name ("Tasks", "Issues"), also the display name. */
    public final String name;
    /** The list template Graph reports in {@code list.template}. */
    public final String template;
    public final ArrayNode columns;
    public final Instant created;
    public final boolean hidden;
    public final boolean system;
    /** Changed by schema edits (a new column); SharePoint also moves it with item edits, which nobody here reads. */
    public Instant modified;
    /** By id in numeric order (shorter ids first), as SharePoint lists them; safe for ids that are not numbers. */
    public final TreeMap<String, ListItemRecord> items = new TreeMap<>(
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
    /** SharePoint numbers items 1, 2, 3... per list and never reuses a number. */
    int lastItemId;

    SiteList(String id, String name, String template, ArrayNode columns, Instant created) {
        this(id, name, template, columns, created, false, false);
    }

    SiteList(String id, String name, String template, ArrayNode columns, Instant created, boolean hidden, boolean system) {
        this.hidden = hidden;
        this.system = system;
        this.modified = created;
        this.id = id;
        this.name = name;
        this.template = template;
        this.columns = columns;
        this.created = created;
    }
}
