package io.m365vault.repo;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The storage pipeline alone, for `vault bench pipeline`: every file under a directory through
 * chunker, chunk id, zstd and AEAD into packs in a local folder, with an in-memory index.
 */
public final class LocalPipeline {
    /** What one run did; {@code storedBytes} is the size of the packs on disk. */
    public record Result(long bytes, double seconds, long storedBytes, long chunks, long newChunks, long files) {
        public double mbPerSec() {
            return bytes / 1e6 / seconds;
        }

        /** One JSON line; {@code pass} numbers the runs of one process (the first is cold). */
        public String toJson(int pass) {
            return String.format(java.util.Locale.ROOT,
                    "{\"pass\":%d,\"bytes\":%d,\"seconds\":%.3f,\"mbPerSec\":%.1f,\"storedBytes\":%d,\"chunks\":%d,\"newChunks\":%d,\"files\":%d}",
                    pass, bytes, seconds, mbPerSec(), storedBytes, chunks, newChunks, files);
        }
    }

    private LocalPipeline() {
    }

    public static Result run(Path source, Path packsDir, ChunkerParams params) throws IOException {
        if (!Files.isDirectory(source)) {
            throw new IllegalArgumentException("not a directory: " + source);
        }
        // Timed from the directory walk on, as restic's own figure is.
        long start = System.nanoTime();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            // Links are not followed (restic stores them as links): each file is read once.
            files = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
        RepoKeys keys = RepoKeys.generate();
        PackStore packs = new DirPackStore(packsDir);
        ExecutorService cpu = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        try (WriterSession session = WriterSession.local(keys, new MemoryChunkIndex(), packs, cpu, RepoConfig.DEFAULT_PACK_SIZE)) {
            for (Path f : files) {
                // FileInputStream reads straight into the array; Files.newInputStream goes through
                // a direct buffer and took twice the time on 8,000 files.
                try (InputStream in = new FileInputStream(f.toFile())) {
                    session.store(in, params);
                }
            }
            session.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            long stored = 0;
            for (String id : packs.list()) {
                stored += packs.size(id);
            }
            WriteStats s = session.stats();
            return new Result(s.bytesIn(), seconds, stored, s.chunks(), s.newChunks(), files.size());
        } finally {
            cpu.shutdownNow();
        }
    }
}
