package io.m365vault.repo;

import java.util.List;

/** A pack store that hands every call to another: tests override the calls they alter (refuse, crash, protect). */
public abstract class ForwardingPackStore implements PackStore {
    private final PackStore to;

    protected ForwardingPackStore(PackStore to) {
        this.to = to;
    }

    @Override
    public void put(Pack pack) {
        to.put(pack);
    }

    @Override
    public byte[] read(String packId, long offset, int length) {
        return to.read(packId, offset, length);
    }

    @Override
    public byte[] readAll(String packId) {
        return to.readAll(packId);
    }

    @Override
    public long size(String packId) {
        return to.size(packId);
    }

    @Override
    public List<String> list() {
        return to.list();
    }

    @Override
    public List<StoredPack> stored() {
        return to.stored();
    }

    @Override
    public void delete(String packId) {
        to.delete(packId);
    }
}
