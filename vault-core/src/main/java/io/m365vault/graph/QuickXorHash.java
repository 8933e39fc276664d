package io.m365vault.graph;

import java.util.Base64;

/**
 * Microsoft's quickXorHash, the one content hash both kinds of OneDrive report
 * ({@code file.hashes.quickXorHash}): byte {@code i} of the content is XORed into a 160-bit
 * block at bit {@code (i * 11) mod 160}, and the length (64 bits, little-endian) into the
 * block's last 8 bytes. Since a byte's bit position depends only on {@code i mod 160}, bytes are
 * first XORed into 160 accumulators by that phase (one XOR a byte) and placed in the block once,
 * when the digest is taken; so hashing keeps pace with a download.
 */
public final class QuickXorHash {
    private static final int PERIOD = 160;
    private static final int WIDTH_BYTES = 20;
    private final byte[] byPhase = new byte[PERIOD];
    private long length;

    public void update(byte[] b, int off, int len) {
        int phase = (int) (length % PERIOD);
        for (int k = off, end = off + len; k < end; k++) {
            byPhase[phase] ^= b[k];
            if (++phase == PERIOD) {
                phase = 0;
            }
        }
        length += len;
    }

    public void update(byte[] b) {
        update(b, 0, b.length);
    }

    public long length() {
        return length;
    }

    /** The 20-byte hash of what was given so far. */
    public byte[] digest() {
        byte[] out = new byte[WIDTH_BYTES];
        for (int phase = 0; phase < PERIOD; phase++) {
            int v = byPhase[phase] & 0xff;
            if (v == 0) {
                continue;
            }
            int bit = phase * 11 % PERIOD;
            int at = bit >>> 3;
            int shift = bit & 7;
            out[at] ^= (byte) (v << shift);
            if (shift != 0) {
                out[(at + 1) % WIDTH_BYTES] ^= (byte) (v >>> (8 - shift));
            }
        }
        for (int i = 0; i < 8; i++) {
            out[WIDTH_BYTES - 8 + i] ^= (byte) (length >>> (8 * i));
        }
        return out;
    }

    /** The hash as Graph writes it: base64. */
    public String base64() {
        return Base64.getEncoder().encodeToString(digest());
    }

    public static String of(byte[] content) {
        QuickXorHash h = new QuickXorHash();
        h.update(content);
        return h.base64();
    }
}
