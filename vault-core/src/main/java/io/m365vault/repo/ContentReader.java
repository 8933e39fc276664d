package io.m365vault.repo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Reads content back by its {@link ContentRef}: chunk by chunk, through the index and packs. */
public final class ContentReader {
    private final ChunkIndex index;
    private final PackReader packs;

    public ContentReader(ChunkIndex index, PackReader packs) {
        this.index = index;
        this.packs = packs;
    }

    /** The plaintext of one chunk. */
    public byte[] chunk(ChunkId id) {
        ChunkLocation loc = locate(id);
        try {
            return packs.chunk(loc.packId(), loc.entry());
        } catch (MissingPackException e) {
            // Prune may have repacked the chunk between the lookup and the read: its row names the new pack.
            ChunkLocation now = locate(id);
            if (now.packId().equals(loc.packId())) {
                throw e;
            }
            return packs.chunk(now.packId(), now.entry());
        }
    }

    private ChunkLocation locate(ChunkId id) {
        ChunkLocation loc = index.find(List.of(id)).get(id);
        if (loc == null) {
            throw new RepositoryException("chunk " + id + " is not in the index");
        }
        return loc;
    }

    /** The content's chunk ids in order, expanding list chunks. */
    public List<ChunkId> chunkIds(ContentRef ref) {
        if (ref.kind() == ContentRef.Kind.DIRECT) {
            return ref.ids();
        }
        List<ChunkId> ids = new ArrayList<>();
        for (ChunkId listId : ref.ids()) {
            ids.addAll(ChunkList.ids(listId, chunk(listId)));
        }
        return ids;
    }

    public void copy(ContentRef ref, OutputStream out) throws IOException {
        try (InputStream in = open(ref)) {
            in.transferTo(out);
        }
    }

    public byte[] readAll(ContentRef ref) {
        if (ref.size() > Integer.MAX_VALUE - 16) {
            throw new RepositoryException("content of " + ref.size() + " bytes does not fit in memory; stream it");
        }
        // The size is stored in clear beside the reference: allocate no more than its chunks can hold.
        List<ChunkId> ids = chunkIds(ref);
        if (ref.size() > (long) ids.size() * ChunkerParams.LARGEST) {
            throw new RepositoryException("content of " + ids.size() + " chunks is said to have " + ref.size()
                    + " bytes; at most " + (long) ids.size() * ChunkerParams.LARGEST + " fit in them");
        }
        ByteBuffer out = ByteBuffer.allocate((int) ref.size());
        for (ChunkId id : ids) {
            byte[] c = chunk(id);
            if (c.length > out.remaining()) {
                throw new RepositoryException("content is longer than its reference says (" + ref.size() + " bytes)");
            }
            out.put(c);
        }
        if (out.hasRemaining()) {
            throw new RepositoryException("content is shorter than its reference says (" + ref.size() + " bytes)");
        }
        return out.array();
    }

    /** A stream over the content that fetches one chunk at a time. */
    public InputStream open(ContentRef ref) {
        List<ChunkId> ids = chunkIds(ref);
        Iterator<ChunkId> it = ids.iterator();
        return new InputStream() {
            private byte[] current = new byte[0];
            private int pos;

            private boolean fill() {
                while (pos >= current.length) {
                    if (!it.hasNext()) {
                        return false;
                    }
                    current = chunk(it.next());
                    pos = 0;
                }
                return true;
            }

            @Override
            public int read() {
                return fill() ? current[pos++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (len == 0) {
                    return 0;
                }
                if (!fill()) {
                    return -1;
                }
                int n = Math.min(len, current.length - pos);
                System.arraycopy(current, pos, b, off, n);
                pos += n;
                return n;
            }
        };
    }
}
