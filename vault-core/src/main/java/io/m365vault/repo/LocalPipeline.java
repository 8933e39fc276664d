package io.m365vault.repo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
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

        public String toJson() {
            return String.format(java.util.Locale.ROOT,
                    "{\"bytes\":%d,\"seconds\":%.3f,\"mbPerSec\":%.1f,\"storedBytes\":%d,\"chunks\":%d,\"newChunks\":%d,\"files\":%d}",
                    bytes, seconds, mbPerSec(), storedBytes, chunks, newChunks, files);
        }
    }

    private LocalPipeline() {
    }

    public static Result run(Path source, Path packsDir, ChunkerParams params) throws IOException {
        if (!Files.isDirectory(source)) {
            throw new IllegalArgumentException("not a directory: " + source);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(source)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        RepoKeys keys = RepoKeys.generate();
        PackStore packs = new DirPackStore(packsDir);
        ExecutorService cpu = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
        long start = System.nanoTime();
        try (WriterSession session = WriterSession.local(keys, new MemoryChunkIndex(), packs, cpu, RepoConfig.DEFAULT_PACK_SIZE)) {
            for (Path f : files) {
                try (InputStream in = Files.newInputStream(f)) {
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
