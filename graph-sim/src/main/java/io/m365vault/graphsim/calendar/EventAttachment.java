package io.m365vault.graphsim.calendar;

import io.m365vault.graphsim.model.Blobs;

/** A file attached to an event: generated from a seed when asked for, or bytes a client added. */
public record EventAttachment(String id, String name, String contentType, long seed, int size, byte[] added) {

    public static EventAttachment generated(String id, String name, long seed, int size) {
        return new EventAttachment(id, name, name.endsWith(".csv") ? "text/csv" : "application/pdf", seed, size, null);
    }

    /** The same file under another id: an exception's copy of its series' attachment. */
    public EventAttachment withId(String other) {
        return new EventAttachment(other, name, contentType, seed, size, added);
    }

    public byte[] bytes() {
        if (added != null) {
            return added;
        }
        return contentType.equals("text/csv") ? Blobs.csv(seed, size) : Blobs.pdf(seed, size);
    }
}
