package io.m365vault.graphsim.model;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of bytes or of streamed content, hex encoded. */
public final class Hashes {
    private Hashes() {
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(byte[] data) {
        return Ids.hex(sha256().digest(data));
    }

    /** Hashes whatever {@code writer} writes, without holding it. */
    public static String sha256(IoWriter writer) {
        MessageDigest md = sha256();
        try {
            writer.write(new OutputStream() {
                @Override
                public void write(int b) {
                    md.update((byte) b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    md.update(b, off, len);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Ids.hex(md.digest());
    }

    @FunctionalInterface
    public interface IoWriter {
        void write(OutputStream out) throws IOException;
    }
}
