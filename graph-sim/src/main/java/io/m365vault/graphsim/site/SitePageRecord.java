package io.m365vault.graphsim.site;

import io.m365vault.graphsim.model.TrackedBase;

import java.time.Instant;

/** A modern site page: its file name, title, layout, and the seed and version its canvas text is made from. */
public final class SitePageRecord extends TrackedBase {
    public final String name;
    public final String pageLayout;
    public final Instant created;
    public final long canvasSeed;
    public String title;
    public Instant modified;
    /** Bumped by each edit; the canvas text depends on it so edits change the page's content. */
    public int version = 1;

    SitePageRecord(String id, String name, String title, String pageLayout, long canvasSeed, Instant created, long seq) {
        super(id, seq);
        this.name = name;
        this.title = title;
        this.pageLayout = pageLayout;
        this.canvasSeed = canvasSeed;
        this.created = created;
        this.modified = created;
    }
}
