package io.m365vault.repo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** Packs as files under a local folder, same layout as the blobs; for benchmarks and tests. */
public final class DirPackStore implements PackStore {
    private final Path root;

    public DirPackStore(Path root) {
        this.root = root;
    }

    @Override
    public void put(Pack pack) {
        Path file = file(pack.id());
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(pack.id() + ".tmp");
            Files.write(tmp, pack.bytes());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write pack " + file, e);
        }
    }

    @Override
    public byte[] read(String packId, long offset, int length) {
        try (FileChannel ch = FileChannel.open(file(packId))) {
            ByteBuffer buf = ByteBuffer.allocate(length);
            while (buf.hasRemaining()) {
                if (ch.read(buf, offset + buf.position()) < 0) {
                    throw new CorruptPackException(packId, "ends before byte " + (offset + length) + " (truncated)");
                }
            }
            return buf.array();
        } catch (NoSuchFileException e) {
            throw new MissingPackException(packId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public byte[] readAll(String packId) {
        try {
            return Files.readAllBytes(file(packId));
        } catch (NoSuchFileException e) {
            throw new MissingPackException(packId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long size(String packId) {
        try {
            return Files.size(file(packId));
        } catch (NoSuchFileException e) {
            throw new MissingPackException(packId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> list() {
        Path packs = root.resolve("packs");
        if (!Files.isDirectory(packs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(packs)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> !n.endsWith(".tmp"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String packId) {
        try {
            Files.deleteIfExists(file(packId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(String packId) {
        return root.resolve(Pack.blobName(packId));
    }
}
