package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class CompressibilityTest {
    private static byte[] text(int size) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < size; i++) {
            b.append("line ").append(i).append(": the quick brown fox jumps over the lazy dog ").append(i * 7919 % 1000).append('\n');
        }
        return b.substring(0, size).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(plain);
        }
        return out.toByteArray();
    }

    @Test
    void randomAndDeflatedBytesAreLeftRaw() throws IOException {
        byte[] random = TestRepos.random(1, 1 << 20);
        assertFalse(Compressibility.worthCompressing(random, 0, random.length));
        byte[] gz = gzip(TestRepos.random(2, 1 << 20));
        assertFalse(Compressibility.worthCompressing(gz, 0, gz.length));
    }

    @Test
    void textZerosAndSmallChunksAreCompressed() {
        byte[] text = text(1 << 20);
        assertTrue(Compressibility.worthCompressing(text, 0, text.length));
        assertTrue(Compressibility.worthCompressing(new byte[1 << 20], 0, 1 << 20));
        byte[] random = TestRepos.random(3, Compressibility.SAMPLED_ABOVE);
        assertTrue(Compressibility.worthCompressing(random, 0, random.length), "small: zstd is asked");
    }

    @Test
    void theSampleSpansTheChunkAndItsRangeOnly() {
        // Random bytes, with text in its second half only: the sample sees both and asks zstd.
        byte[] mixed = TestRepos.random(4, 1 << 20);
        byte[] text = text(1 << 19);
        System.arraycopy(text, 0, mixed, 1 << 19, text.length);
        assertTrue(Compressibility.worthCompressing(mixed, 0, mixed.length));
        // The random first half alone, read at an offset of a larger array of zeros.
        byte[] padded = new byte[3 << 20];
        System.arraycopy(mixed, 0, padded, 1 << 20, 1 << 19);
        assertFalse(Compressibility.worthCompressing(padded, 1 << 20, 1 << 19));
    }

    @Test
    void entropyOfKnownHistograms() {
        int[] counts = new int[256];
        counts[0] = 4096;
        assertEquals(0.0, Compressibility.entropyBits(counts, 4096), 1e-9);
        counts[0] = 2048;
        counts[1] = 2048;
        assertEquals(1.0, Compressibility.entropyBits(counts, 4096), 1e-9);
        java.util.Arrays.fill(counts, 32);
        assertEquals(8.0, Compressibility.entropyBits(counts, 8192), 1e-9);
    }
}
