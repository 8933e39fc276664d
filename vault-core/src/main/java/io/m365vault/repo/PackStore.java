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

    void delete(String packId);
}
