package io.m365vault.graphsim.control;

import java.util.SplittableRandom;

/** Changes one kind of content of one owner the way a working day would. */
public interface WorkloadMutator {
    /** "messages", "contacts", "files". */
    String kind();

    /** Owners this kind lives in: user ids, or drive ids for files. */
    java.util.List<String> owners();

    /** Mutates about {@code fraction} of the owner's items; adds to {@code counts} (added, edited, moved, deleted). */
    void mutate(String owner, SplittableRandom r, double fraction, MutationCounts counts);
}
