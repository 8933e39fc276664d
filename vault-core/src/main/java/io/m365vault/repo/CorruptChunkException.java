package io.m365vault.repo;

/** One chunk cannot be read back as stored; names the chunk and its pack. */
public final class CorruptChunkException extends RepositoryException {
    private final ChunkId id;

    public CorruptChunkException(ChunkId id, String packId, String what) {
        super("chunk " + id + " in pack " + packId + " " + what);
        this.id = id;
    }

    public ChunkId chunkId() {
        return id;
    }
}
