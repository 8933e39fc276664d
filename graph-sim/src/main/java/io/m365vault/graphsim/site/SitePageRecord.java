package io.m365vault.graphsim.site;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.model.TrackedBase;

import java.time.Instant;

/**
 * A modern site page: its file name, title, layout, and the seed and version its canvas text is
 * made from; or, for a page created through Graph, the canvas it was given, a draft until published.
 */
public final class SitePageRecord extends TrackedBase {
    public final String name;
    public final String pageLayout;
    public final Instant created;
    public final long canvasSeed;
    public String title;
    public Instant modified;
    /** Bumped by each edit; the canvas text depends on it so edits change the page's content. */
    public int version = 1;
    /** The canvasLayout a create gave, or null: made from the seed. */
    public final ObjectNode canvas;
    /** The description a create gave, or null: the generated one. */
    public final String description;
    /** A created page is checked out (a draft) until published; generated pages are published. */
    public boolean published = true;

    SitePageRecord(String id, String name, String title, String pageLayout, long canvasSeed, Instant created, long seq) {
        this(id, name, title, pageLayout, canvasSeed, null, null, created, seq);
    }

    SitePageRecord(String id, String name, String title, String pageLayout, long canvasSeed, ObjectNode canvas, String description,
                   Instant created, long seq) {
        super(id, seq);
        this.canvas = canvas;
        this.description = description;
        this.name = name;
        this.title = title;
        this.pageLayout = pageLayout;
        this.canvasSeed = canvasSeed;
        this.created = created;
        this.modified = created;
    }
}
