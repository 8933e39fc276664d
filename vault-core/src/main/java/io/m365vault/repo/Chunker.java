package io.m365vault.repo;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * FastCDC content-defined chunking (Xia et al., 2016) with normalised chunking level 2.
 *
 * <p>A gear hash rolls over the bytes after the first {@code min} of a chunk; a cut falls where
 * the hash's top bits are zero. Before {@code avg} the test uses two bits more than log2(avg)
 * (cuts are rarer), after it two bits fewer (cuts come sooner), which pulls chunk sizes towards
 * {@code avg}. Each byte shifts the hash left by one, so a cut depends only on the 64 bytes before
 * it: an insertion moves the cut points near it and the later ones fall on the same bytes again.
 *
 * <p>The gear table comes from the repository key, so chunk sizes do not reveal content to
 * someone who knows the plaintext but not the key.
 *
 * <p>Not thread-safe: {@link #split} reuses one read buffer.
 */
public final class Chunker {
    public static final int GEAR_SIZE = 256;

    private final ChunkerParams params;
    private final long[] gear;
    private final long maskSmall;
    private final long maskLarge;

    private byte[] buf;

    public Chunker(ChunkerParams params, long[] gear) {
        this.params = Objects.requireNonNull(params, "params");
        if (gear.length != GEAR_SIZE) {
            throw new IllegalArgumentException("a gear table has " + GEAR_SIZE + " entries, not " + gear.length);
        }
        this.gear = gear.clone();
        int bits = Integer.numberOfTrailingZeros(params.avg());
        this.maskSmall = topBits(bits + 2);
        this.maskLarge = topBits(bits - 2);
    }

    private static long topBits(int n) {
        return -1L << (64 - n);
    }

    public ChunkerParams params() {
        return params;
    }

    /**
     * The length of the chunk that starts at {@code off}: {@code len} when {@code len <= min},
     * otherwise at most {@code min(len, max)}. A caller with more data to come must pass at
     * least {@code max} bytes, or the chunk ends early at the end of what it passed.
     */
    public int cut(byte[] buf, int off, int len) {
        Objects.checkFromIndexSize(off, len, buf.length);
        int min = params.min();
        if (len <= min) {
            return len;
        }
        int end = Math.min(len, params.max());
        int normal = Math.min(params.avg(), end);
        long[] g = gear;
        long fp = 0;
        int i = min;
        for (; i < normal; i++) {
            fp = (fp << 1) + g[buf[off + i] & 0xff];
            if ((fp & maskSmall) == 0) {
                return i + 1;
            }
        }
        for (; i < end; i++) {
            fp = (fp << 1) + g[buf[off + i] & 0xff];
            if ((fp & maskLarge) == 0) {
                return i + 1;
            }
        }
        return end;
    }

    /**
     * Reads {@code in} to its end and hands every chunk to {@code sink} in order. An empty
     * stream gives no chunk. Does not close {@code in}.
     */
    public void split(InputStream in, ChunkConsumer sink) throws IOException {
        int max = params.max();
        // At least one max chunk of look-ahead; the slack above it bounds how often the tail moves.
        // Kept across calls: allocating (and zeroing) it per small file cost more than chunking.
        if (buf == null) {
            buf = new byte[max + Math.max(max, 1 << 20)];
        }
        byte[] buf = this.buf;
        int start = 0;
        int end = 0;
        boolean eof = false;
        while (true) {
            if (!eof && end - start < max) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
                while (end < buf.length) {
                    int n = in.read(buf, end, buf.length - end);
                    if (n < 0) {
                        eof = true;
                        break;
                    }
                    end += n;
                }
            }
            if (start == end) {
                return;
            }
            int n = cut(buf, start, end - start);
            sink.accept(buf, start, n);
            start += n;
        }
    }
}
