package io.m365vault.graphsim.drive;

import io.m365vault.graphsim.http.Content;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** File bytes kept on disk: uploads (in the simulator's temp directory) and --drive-dir files. */
public final class FileContent implements Content {
    private final Path path;
    private final long length;

    public FileContent(Path path) {
        this.path = path;
        try {
            this.length = Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public void write(OutputStream out, long from, long count) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            in.skipNBytes(from);
            byte[] buf = new byte[64 * 1024];
            long left = count;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    throw new IOException("file shrank: " + path);
                }
                out.write(buf, 0, n);
                left -= n;
            }
        }
    }
}
