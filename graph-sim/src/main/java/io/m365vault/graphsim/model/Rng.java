package io.m365vault.graphsim.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.SplittableRandom;

/**
 * Deterministic randomness: everything in the tenant derives from (seed, label) through SHA-256,
 * so any item can be regenerated alone, in any order, on any thread.
 */
public final class Rng {
    private Rng() {
    }

    public static byte[] hash(long seed, String label) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(ByteBuffer.allocate(8).putLong(seed).array());
            md.update(label.getBytes(StandardCharsets.UTF_8));
            return md.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long seed(long seed, String label) {
        return ByteBuffer.wrap(hash(seed, label)).getLong();
    }

    public static SplittableRandom of(long seed, String label) {
        return new SplittableRandom(seed(seed, label));
    }

    public static <T> T pick(SplittableRandom r, T[] options) {
        return options[r.nextInt(options.length)];
    }
}
