package io.m365vault.repo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Packs in memory, for fast tests of the writer and readers. */
public final class MemoryPackStore implements PackStore {
    private final Map<String, byte[]> packs = new ConcurrentHashMap<>();
    private final Map<String, java.time.Instant> written = new ConcurrentHashMap<>();

    @Override
    public void put(Pack pack) {
        packs.put(pack.id(), pack.bytes());
        written.put(pack.id(), java.time.Instant.now());
    }

    @Override
    public List<StoredPack> stored() {
        return packs.entrySet().stream().map(e -> new StoredPack(e.getKey(), e.getValue().length, written.get(e.getKey()), null)).toList();
    }

    @Override
    public byte[] read(String packId, long offset, int length) {
        byte[] b = bytes(packId);
        if (offset + length > b.length) {
            throw new CorruptPackException(packId, "ends before byte " + (offset + length) + " (truncated)");
        }
        return Arrays.copyOfRange(b, (int) offset, (int) offset + length);
    }

    @Override
    public byte[] readAll(String packId) {
        return bytes(packId).clone();
    }

    @Override
    public long size(String packId) {
        return bytes(packId).length;
    }

    @Override
    public List<String> list() {
        return new ArrayList<>(packs.keySet());
    }

    @Override
    public void delete(String packId) {
        packs.remove(packId);
        written.remove(packId);
    }

    private byte[] bytes(String packId) {
        byte[] b = packs.get(packId);
        if (b == null) {
            throw new MissingPackException(packId);
        }
        return b;
    }
}
