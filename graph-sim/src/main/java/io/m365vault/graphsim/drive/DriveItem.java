package io.m365vault.graphsim.drive;

import io.m365vault.graphsim.http.Content;
import io.m365vault.graphsim.model.TrackedBase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A file or folder of a drive; files keep every version's content (newest last). */
public final class DriveItem extends TrackedBase {
    /** One version: its content and when it was written. */
    public record Version(Content content, Instant modified) {
    }

    /** Sort key in the drive: creation order then id, so delta sends parents before children. */
    public final String key;
    public final boolean folder;
    public String name;
    public String parentId;
    public final Instant created;
    public Instant modified;
    /** Malware detected in the file: Graph reports the {@code malware} facet and refuses its content. */
    public boolean malware;
    /** {@code oneNote} for a OneNote notebook: a folder to the tree, a {@code package} facet to Graph. */
    public String packageType;
    public final List<Version> versions = new ArrayList<>();
    /**
     * The times a client set in {@code fileSystemInfo} (a restore keeping the original's), null
     * while none did: Graph then reports the item's own created and modified times there.
     */
    public Instant fsCreated;
    public Instant fsModified;

    public DriveItem(String id, long ordinal, boolean folder, String name, String parentId, Instant created, long seq) {
        super(id, seq);
        this.key = String.format("%012d", ordinal) + id;
        this.folder = folder;
        this.name = name;
        this.parentId = parentId;
        this.created = created;
        this.modified = created;
    }

    public Content content() {
        return versions.get(versions.size() - 1).content();
    }

    public long size() {
        return folder ? 0 : content().length();
    }

    /** {@code fileSystemInfo.createdDateTime}: the client's time if one was set, else the item's. */
    public Instant fileCreated() {
        return fsCreated != null ? fsCreated : created;
    }

    /** {@code fileSystemInfo.lastModifiedDateTime}: the client's time if one was set, else the item's. */
    public Instant fileModified() {
        return fsModified != null ? fsModified : modified;
    }

    public boolean isRoot() {
        return parentId == null;
    }
}
