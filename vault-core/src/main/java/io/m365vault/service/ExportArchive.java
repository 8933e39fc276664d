package io.m365vault.service;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.options.BlockBlobOutputStreamOptions;
import com.azure.storage.blob.specialized.BlobOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** An export directory as one zip blob: one download, streamed, never whole in memory. */
final class ExportArchive {
    private ExportArchive() {
    }

    /** Zips {@code dir} into {@code blob} with this metadata; returns the blob's size in bytes. */
    static long upload(Path dir, BlobClient blob, Map<String, String> metadata) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        CountingStream counted;
        try (BlobOutputStream out = blob.getBlockBlobClient().getBlobOutputStream(new BlockBlobOutputStreamOptions().setMetadata(metadata));
             ZipOutputStream zip = new ZipOutputStream(counted = new CountingStream(out))) {
            for (Path f : files) {
                zip.putNextEntry(new ZipEntry(dir.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, zip);
                zip.closeEntry();
            }
        }
        return counted.count;
    }

    private static final class CountingStream extends OutputStream {
        private final OutputStream out;
        long count;

        CountingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
