package io.m365vault.repo;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Length-prefixed fields of the key blobs. Reading checks the blob's size first and every length
 * against what is left, so a truncated, altered or swollen blob gives a {@link CorruptKeysException}
 * instead of a huge allocation.
 */
final class KeyBlobFields {
    /**
     * The most a key blob (or any part of one) may hold. A real one is under 2 KiB: three small
     * Tink keysets, and for Key Vault a key id and an RSA-wrapped key of at most 512 bytes.
     */
    static final int MAX_BLOB = 64 << 10;
    /** The most a text field (KEK kind, Key Vault key id, algorithm) may hold; a key id is about 100 bytes. */
    static final int MAX_TEXT = 1 << 10;

    private KeyBlobFields() {}

    static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Writer raw(byte[] b) {
            out.writeBytes(b);
            return this;
        }

        Writer i32(int v) {
            return raw(ByteBuffer.allocate(4).putInt(v).array());
        }

        Writer bytes(byte[] b) {
            return i32(b.length).raw(b);
        }

        Writer text(String s) {
            return bytes(s.getBytes(StandardCharsets.UTF_8));
        }

        byte[] toBytes() {
            return out.toByteArray();
        }
    }

    static final class Reader {
        private final ByteBuffer in;

        Reader(byte[] blob) {
            if (blob.length > MAX_BLOB) {
                throw new CorruptKeysException(blob.length + " bytes, more than a key blob holds (" + MAX_BLOB + ")");
            }
            in = ByteBuffer.wrap(blob);
        }

        byte[] raw(int n) {
            if (n < 0 || n > in.remaining()) {
                throw new CorruptKeysException("truncated (a field of " + n + " bytes, " + in.remaining() + " left)");
            }
            byte[] b = new byte[n];
            in.get(b);
            return b;
        }

        int i32() {
            try {
                return in.getInt();
            } catch (BufferUnderflowException e) {
                throw new CorruptKeysException("truncated (" + in.remaining() + " bytes left where a length was expected)");
            }
        }

        byte[] bytes() {
            return raw(i32());
        }

        String text() {
            int n = i32();
            if (n > MAX_TEXT) {
                throw new CorruptKeysException("a text field of " + n + " bytes (at most " + MAX_TEXT + ")");
            }
            return new String(raw(n), StandardCharsets.UTF_8);
        }

        int remaining() {
            return in.remaining();
        }

        void end() {
            if (in.hasRemaining()) {
                throw new CorruptKeysException(in.remaining() + " unexpected bytes at the end");
            }
        }
    }
}
