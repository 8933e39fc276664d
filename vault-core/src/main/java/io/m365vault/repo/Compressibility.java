package io.m365vault.repo;

/**
 * A cheap guess whether zstd would shrink a chunk: the byte entropy of a sample of it. Already
 * compressed content (zip, gzip, jmod, JPEG, video) has close to 8 bits a byte and is stored
 * raw anyway; running zstd over it to find that out costs CPU that the cut, id and sealing
 * need. The sample is a few windows spread over the chunk, so a compressible header in front of
 * packed data does not decide alone.
 */
final class Compressibility {
    /** Chunks up to this size are compressed without asking: the sample would be all of it. */
    static final int SAMPLED_ABOVE = 16 << 10;
    private static final int WINDOWS = 8;
    private static final int WINDOW = 1 << 10;
    /**
     * Bits per byte above which a chunk is stored raw. An 8 KiB sample of random bytes measures
     * about 7.98 (the estimate falls short of 8 by about 255 / (2 n ln 2)); deflate output about
     * the same; text 4.5-5.5, executables and class files 5.5-7.
     */
    static final double RAW_ABOVE_BITS = 7.9;
    /** n log2 n for every count a sample can reach, so the estimate needs no log per byte value. */
    private static final double[] N_LOG_N = table(WINDOWS * WINDOW);

    private Compressibility() {
    }

    /** False when {@code buf[off, off+len)} looks like it will not compress. */
    static boolean worthCompressing(byte[] buf, int off, int len) {
        if (len <= SAMPLED_ABOVE) {
            return true;
        }
        int[] counts = new int[256];
        int step = (len - WINDOW) / (WINDOWS - 1);
        for (int w = 0; w < WINDOWS; w++) {
            int from = off + w * step;
            for (int i = from; i < from + WINDOW; i++) {
                counts[buf[i] & 0xff]++;
            }
        }
        return entropyBits(counts, WINDOWS * WINDOW) <= RAW_ABOVE_BITS;
    }

    /** Shannon entropy in bits per symbol of {@code counts} over {@code n} symbols. */
    static double entropyBits(int[] counts, int n) {
        double sum = 0;
        for (int c : counts) {
            sum += N_LOG_N[c];
        }
        return Math.log(n) / Math.log(2) - sum / n;
    }

    private static double[] table(int n) {
        double[] t = new double[n + 1];
        for (int c = 1; c <= n; c++) {
            t[c] = c * Math.log(c) / Math.log(2);
        }
        return t;
    }
}
