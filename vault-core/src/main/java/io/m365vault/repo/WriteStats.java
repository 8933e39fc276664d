package io.m365vault.repo;

import java.util.concurrent.atomic.AtomicLong;

/** What a writer session did: bytes in, chunks seen and new, bytes stored, packs written. */
public final class WriteStats {
    final AtomicLong bytesIn = new AtomicLong();
    final AtomicLong chunks = new AtomicLong();
    final AtomicLong newChunks = new AtomicLong();
    final AtomicLong newBytes = new AtomicLong();
    final AtomicLong storedBytes = new AtomicLong();
    final AtomicLong packs = new AtomicLong();

    public long bytesIn() {
        return bytesIn.get();
    }

    public long chunks() {
        return chunks.get();
    }

    public long newChunks() {
        return newChunks.get();
    }

    /** Plaintext bytes of chunks this session stored (not found in the repository). */
    public long newBytes() {
        return newBytes.get();
    }

    /** Bytes of sealed records written into packs, headers excluded. */
    public long storedBytes() {
        return storedBytes.get();
    }

    public long packs() {
        return packs.get();
    }
}
