package io.m365vault.graphsim.drive;

import io.m365vault.graphsim.http.Content;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The {@code quickXorHash} OneDrive reports in {@code file.hashes}, computed as Microsoft's
 * description states it: byte i XORed into a 160-bit block at bit (i * 11) mod 160, the length
 * XORed into the block's last 8 bytes (little-endian). The simulator's own reading of the
 * algorithm, byte by byte, so that a client's implementation is checked against it rather than
 * against itself. Hashes are kept per content (contents never change), so a large file is hashed once.
 */
public final class QuickXor {
    private static final Map<Content, String> CACHE = new WeakHashMap<>();

    private QuickXor() {
    }

    public static String of(Content content) {
        synchronized (CACHE) {
            String known = CACHE.get(content);
            if (known != null) {
                return known;
            }
        }
        Block block = new Block();
        try {
            content.write(block, 0, content.length());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String hash = block.base64();
        synchronized (CACHE) {
            CACHE.put(content, hash);
        }
        return hash;
    }

    /** The 160-bit block as 20 bytes, bit b of the block being bit (b mod 8) of byte b / 8. */
    private static final class Block extends OutputStream {
        private final byte[] bits = new byte[20];
        private int position;
        private long length;

        @Override
        public void write(int b) {
            int v = b & 0xff;
            int at = position >>> 3;
            int shift = position & 7;
            bits[at] ^= (byte) (v << shift);
            if (shift > 0) {
                bits[(at + 1) % 20] ^= (byte) (v >>> (8 - shift));
            }
            position = (position + 11) % 160;
            length++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            for (int k = off; k < off + len; k++) {
                write(b[k]);
            }
        }

        String base64() {
            byte[] out = bits.clone();
            for (int i = 0; i < 8; i++) {
                out[12 + i] ^= (byte) (length >>> (8 * i));
            }
            return Base64.getEncoder().encodeToString(out);
        }
    }
}
