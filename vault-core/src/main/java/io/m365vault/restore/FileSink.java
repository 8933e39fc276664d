package io.m365vault.restore;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import io.m365vault.graph.QuickXorHash;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A file being written into the export: counts and hashes the bytes on their way to disk, so the
 * manifest's size and SHA-256 are of exactly what was written, without reading it again.
 */
final class FileSink implements AutoCloseable {
    private final Path file;
    private final String relative;
    private final String kind;
    private final MessageDigest sha;
    /** Kept for a drive's files only, whose manifest entry has the hash OneDrive reports. */
    private final QuickXorHash quickXor;
    private final OutputStream out;
    private long size;
    private boolean closed;

    FileSink(Path file, String relative, String kind, boolean withQuickXor) throws IOException {
        this.file = file;
        this.quickXor = withQuickXor ? new QuickXorHash() : null;
        this.relative = relative;
        this.kind = kind;
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        Files.createDirectories(file.getParent());
        // CREATE_NEW: an export never writes over a file it did not make in this run.
        OutputStream disk = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), 64 << 10);
        this.out = new FilterOutputStream(disk) {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                disk.write(b, off, len);
                sha.update(b, off, len);
                if (quickXor != null) {
                    quickXor.update(b, off, len);
                }
                size += len;
            }
        };
    }

    /** Where to write; closing it is {@link #finish}'s job. */
    OutputStream stream() {
        return out;
    }

    String relativePath() {
        return relative;
    }

    /** Closes the file and describes it for the manifest. */
    ExportedFile finish(List<String> itemIds) throws IOException {
        return finish(itemIds, Map.of());
    }

    /** As {@link #finish(List)}, with Graph facts for the manifest; the quickXorHash is of the bytes written. */
    ExportedFile finish(List<String> itemIds, Map<String, String> graph) throws IOException {
        close();
        Map<String, String> facts = new java.util.TreeMap<>(graph);
        if (quickXor != null) {
            facts.put("quickXorHash", quickXor.base64());
        }
        return new ExportedFile(relative, kind, itemIds, size, HexFormat.of().formatHex(sha.digest()), facts);
    }

    /** Gives the closed file the modified time it had where it came from. */
    void modified(Instant t) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(t));
    }

    /** Closes and removes a file whose content could not be completed: nothing half-written stays. */
    void abort() {
        try {
            close();
        } catch (IOException ignored) {
            // the file is deleted next; a failed flush changes nothing
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // left behind, but it is not in the manifest and the failure is reported
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }
}
