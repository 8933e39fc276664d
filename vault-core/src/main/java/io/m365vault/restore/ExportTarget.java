package io.m365vault.restore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/**
 * The directory an export writes into. It must be new or empty, or hold an earlier export that
 * the caller asked to overwrite: exports are never mixed, and a directory that is not an export
 * is never emptied. Every file goes through {@link #file}, which keeps it inside the directory.
 */
final class ExportTarget {
    static final String MANIFEST = "manifest.json";
    private static final String SCRATCH = ".export-partial";

    private final Path root;

    private ExportTarget(Path root) {
        this.root = root;
    }

    static ExportTarget prepare(Path dir, boolean overwrite) {
        Path root = dir.toAbsolutePath().normalize();
        try {
            if (Files.exists(root, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
                throw new ExportException(root + " exists and is not a directory; export into a new or empty directory");
            }
            if (Files.isDirectory(root) && !isEmpty(root)) {
                if (!overwrite) {
                    throw new ExportException(root + " is not empty; export into a new or empty directory,"
                            + " or replace an earlier export there (vault export --overwrite)");
                }
                if (!Files.isRegularFile(root.resolve(MANIFEST))) {
                    throw new ExportException(root + " is not empty and holds no earlier export (no " + MANIFEST
                            + "); refusing to overwrite it");
                }
                deleteContents(root);
            }
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new ExportException("cannot prepare " + root + ": " + e.getMessage(), e);
        }
        return new ExportTarget(root);
    }

    Path root() {
        return root;
    }

    /** A new file at the given safe segments; refuses any path that would leave the directory. */
    FileSink file(List<String> segments, String kind) throws IOException {
        return new FileSink(inside(segments), String.join("/", segments), kind, false);
    }

    /** As {@link #file}, for a drive's file: its manifest entry gets the quickXorHash of what was written. */
    FileSink driveFile(List<String> segments, String kind) throws IOException {
        return new FileSink(inside(segments), String.join("/", segments), kind, true);
    }

    /** A directory at the given safe segments (an empty folder is exported too). */
    Path directory(List<String> segments) throws IOException {
        return Files.createDirectories(inside(segments));
    }

    private Path inside(List<String> segments) {
        Path p = root;
        for (String s : segments) {
            p = p.resolve(s);
        }
        p = p.normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new ExportException("refusing to write " + String.join("/", segments) + " outside " + root);
        }
        return p;
    }

    /** A scratch file for content that must be complete before it goes into a shared file. */
    Path scratch() throws IOException {
        Path dir = Files.createDirectories(root.resolve(SCRATCH));
        return Files.createTempFile(dir, "item", ".tmp");
    }

    /** Removes the scratch area once the export is done. */
    void cleanUp() {
        Path dir = root.resolve(SCRATCH);
        if (Files.isDirectory(dir)) {
            try {
                deleteContents(dir);
                Files.delete(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + dir, e);
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    private static void deleteContents(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                if (!d.equals(dir)) {
                    Files.delete(d);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
