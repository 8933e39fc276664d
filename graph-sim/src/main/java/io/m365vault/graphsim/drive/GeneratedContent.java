package io.m365vault.graphsim.drive;

import io.m365vault.graphsim.http.Content;
import io.m365vault.graphsim.model.Names;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * File bytes computed, never stored: block k of a file depends only on (seed, k), so any range
 * of a 100 MB file is produced on demand, and two files with one seed are byte-identical (dedup).
 * Text files are words (compressible), others random bytes (incompressible).
 */
public final class GeneratedContent implements Content {
    private static final int BLOCK = 64 * 1024;
    private final long seed;
    private final long length;
    private final boolean text;

    public GeneratedContent(long seed, long length, boolean text) {
        this.seed = seed;
        this.length = length;
        this.text = text;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public void write(OutputStream out, long from, long count) throws IOException {
        byte[] block = new byte[BLOCK];
        long pos = from;
        long end = from + count;
        while (pos < end) {
            long index = pos / BLOCK;
            fill(index, block);
            int off = (int) (pos % BLOCK);
            int n = (int) Math.min(BLOCK - off, end - pos);
            out.write(block, off, n);
            pos += n;
        }
    }

    private void fill(long index, byte[] block) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        if (!text) {
            r.nextBytes(block);
            return;
        }
        int i = 0;
        while (i < block.length) {
            byte[] w = (Names.WORDS[r.nextInt(Names.WORDS.length)] + (r.nextInt(12) == 0 ? ".\n" : " ")).getBytes(StandardCharsets.US_ASCII);
            int n = Math.min(w.length, block.length - i);
            System.arraycopy(w, 0, block, i, n);
            i += n;
        }
    }
}
