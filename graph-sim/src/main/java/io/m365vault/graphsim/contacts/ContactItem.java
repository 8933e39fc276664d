package io.m365vault.graphsim.contacts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.m365vault.graphsim.model.TrackedBase;

import java.time.Instant;

/** A contact: its Graph properties (without ids and dates), an optional photo, its folder. */
public final class ContactItem extends TrackedBase {
    public final String folderId;
    public final Instant created;
    public Instant modified;
    public ObjectNode fields;
    /** A photo set by a client, or null. */
    public byte[] photo;
    /** Non-zero: a generated photo, made from this seed when asked for (keeps 10,000 address books small). */
    public long photoSeed;

    public ContactItem(String id, String folderId, ObjectNode fields, byte[] photo, Instant created, long seq) {
        super(id, seq);
        this.folderId = folderId;
        this.fields = fields;
        this.photo = photo;
        this.created = created;
        this.modified = created;
    }

    public byte[] photoBytes() {
        return photo != null ? photo : photoSeed != 0 ? io.m365vault.graphsim.model.Blobs.image(photoSeed, "jpg", 48) : null;
    }
}
