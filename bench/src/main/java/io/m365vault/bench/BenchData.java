package io.m365vault.bench;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Inputs for the benchmarks, made from a fixed seed so that runs compare. */
final class BenchData {
    static final int MIB = 1 << 20;

    private BenchData() {}

    /** Incompressible bytes: what encrypted or already-compressed attachments look like. */
    static byte[] random(int size) {
        byte[] b = new byte[size];
        new SplittableRandom(42).nextBytes(b);
        return b;
    }

    /** Word salad: compresses about as well as mail bodies and office text do with zstd. */
    static byte[] text(int size) {
        String[] words = ("the of and to in is for on that with this from your meeting please "
                + "attached report quarter budget team project review draft thanks regards "
                + "Monday Friday invoice customer contract schedule update 2024 2025 <div> </p>")
                .split(" ");
        SplittableRandom r = new SplittableRandom(7);
        StringBuilder sb = new StringBuilder(size + 64);
        while (sb.length() < size) {
            sb.append(words[r.nextInt(words.length)]).append(r.nextInt(12) == 0 ? ".\n" : " ");
            if (r.nextInt(40) == 0) {
                sb.append(Long.toHexString(r.nextLong())).append(' ');
            }
        }
        byte[] all = sb.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[size];
        System.arraycopy(all, 0, out, 0, size);
        return out;
    }

    /** {@code total} bytes cut into separate arrays of {@code callSize}: no copy inside the measured loop. */
    static byte[][] slices(byte[] data, int callSize) {
        byte[][] s = new byte[data.length / callSize][];
        for (int i = 0; i < s.length; i++) {
            s[i] = java.util.Arrays.copyOfRange(data, i * callSize, (i + 1) * callSize);
        }
        return s;
    }
}
