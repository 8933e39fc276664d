package io.m365vault.graphsim.contacts;

import io.m365vault.graphsim.model.TrackedBase;

import java.util.TreeMap;

/** A contact folder and its contacts, tombstones included, sorted by id. */
public final class ContactFolder extends TrackedBase {
    public final String parentId;
    public final String displayName;
    public final TreeMap<String, ContactItem> items = new TreeMap<>();

    public ContactFolder(String id, String parentId, String displayName, long seq) {
        super(id, seq);
        this.parentId = parentId;
        this.displayName = displayName;
    }
}
