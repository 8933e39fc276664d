package io.m365vault.repo;

import java.io.IOException;

/** Receives chunks in stream order; {@code buf} is the chunker's and is reused after return. */
@FunctionalInterface
public interface ChunkConsumer {
    void accept(byte[] buf, int off, int len) throws IOException;
}
