package io.m365vault.graphsim.site;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.model.TrackedBase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A SharePoint list item: its integer id, its column values (fields), who wrote it and when, a version number for the eTag, its attachments. */
public final class ListItemRecord extends TrackedBase {
    public final String listId;
    public final Instant created;
    public final String author;
    public Instant modified;
    public ObjectNode fields;
    public int version = 1;
    /** Files attached to the item, in the order they were added. */
    public final List<ListAttachment> attachments = new ArrayList<>();

    ListItemRecord(String id, String listId, ObjectNode fields, String author, Instant created, long seq) {
        super(id, seq);
        this.listId = listId;
        this.fields = fields;
        this.author = author;
        this.created = created;
        this.modified = created;
    }
}
