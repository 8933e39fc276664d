package io.m365vault.repo;

import java.util.List;

/** Where pack bytes live: the repository's blob container, or a local folder for benchmarks. */
public interface PackStore {
    /** Stores the pack; durable when this returns. Same id, same bytes: a repeat is harmless. */
    void put(Pack pack);

    byte[] read(String packId, long offset, int length);

    byte[] readAll(String packId);

    /** The pack's size in bytes; {@link MissingPackException} when there is no such pack. */
    long size(String packId);

    List<String> list();

    /** Every pack with its size and time; one listing where the store can (a blob listing carries both). */
    default List<StoredPack> stored() {
        return list().stream().map(id -> new StoredPack(id, size(id), null, null)).toList();
    }

    /** Deletes the pack; {@link PackImmutableException} when an immutability policy or legal hold still protects it. */
    void delete(String packId);

    /**
     * How long the store keeps a pack immutable after it is written (version-level WORM), if it
     * does: what prune compares retention with. Empty where the store has no such policy.
     */
    default java.util.Optional<java.time.Duration> immutability() {
        return java.util.Optional.empty();
    }
}
