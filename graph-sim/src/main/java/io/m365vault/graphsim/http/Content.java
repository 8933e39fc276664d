package io.m365vault.graphsim.http;

import java.io.IOException;
import java.io.OutputStream;

/** Bytes served as a body without holding them all: a length and a writer for any range. */
public interface Content {
    long length();

    /** Writes bytes [from, from + count) to out. */
    void write(OutputStream out, long from, long count) throws IOException;

    static Content of(byte[] bytes) {
        return new Content() {
            @Override
            public long length() {
                return bytes.length;
            }

            @Override
            public void write(OutputStream out, long from, long count) throws IOException {
                out.write(bytes, (int) from, (int) count);
            }
        };
    }
}
