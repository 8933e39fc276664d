package io.m365vault.repo;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Length-prefixed fields of the key blobs. Reading checks every length against what is left, so
 * a truncated or altered blob gives a {@link CorruptKeysException} instead of a huge allocation.
 */
final class KeyBlobFields {
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
            return new String(bytes(), StandardCharsets.UTF_8);
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
