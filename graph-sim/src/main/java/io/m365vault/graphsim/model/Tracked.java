package io.m365vault.graphsim.model;

/** An item a delta query can report: its id, the change number of its last change, and whether it is gone. */
public interface Tracked {
    String id();

    long seq();

    boolean deleted();
}
