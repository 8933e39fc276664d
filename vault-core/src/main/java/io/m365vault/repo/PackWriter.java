package io.m365vault.repo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** Collects sealed chunks into one pack in memory until it reaches its target size. */
public final class PackWriter {
    private final RepoKeys keys;
    private final int targetSize;
    private final List<PackEntry> entries = new ArrayList<>();
    private byte[] buf;
    private int size;

    public PackWriter(RepoKeys keys, int targetSize) {
        this.keys = keys;
        this.targetSize = targetSize;
        this.buf = new byte[Math.min(targetSize, 1 << 20)];
    }

    public void add(SealedChunk chunk) {
        byte[] record = chunk.record();
        ensure(size + record.length);
        System.arraycopy(record, 0, buf, size, record.length);
        entries.add(new PackEntry(chunk.id(), size, record.length, chunk.rawLength(), chunk.flags()));
        size += record.length;
    }

    /** At its target size, or listing as many chunks as a pack header may. */
    public boolean full() {
        return size >= targetSize || entries.size() >= PackHeader.MAX_ENTRIES;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return size;
    }

    /**
     * Seals the header and starts this writer afresh; the pack is named by {@link Unnamed#name},
     * which hashes all its bytes and so may run on another thread than this writer's.
     */
    public Unnamed seal() {
        byte[] header = PackHeader.seal(keys, entries);
        ensure(size + header.length);
        System.arraycopy(header, 0, buf, size, header.length);
        Unnamed pack = new Unnamed(Arrays.copyOf(buf, size + header.length), List.copyOf(entries), keys.crypto());
        entries.clear();
        size = 0;
        return pack;
    }

    /** A sealed pack not yet named. */
    public record Unnamed(byte[] bytes, List<PackEntry> entries, CryptoProvider crypto) {
        public Pack name() {
            return new Pack(sha256(crypto, bytes), bytes, entries);
        }
    }

    private void ensure(int needed) {
        if (needed > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(needed, Math.min(buf.length * 2, Math.max(needed, targetSize + (1 << 20)))));
        }
    }

    /** A pack's name: the hex SHA-256 of its bytes, by {@code crypto} (16 MiB a pack: under C1 the JDK's is slow). */
    static String sha256(CryptoProvider crypto, byte[] bytes) {
        return HexFormat.of().formatHex(crypto.sha256().digest(bytes));
    }
}
