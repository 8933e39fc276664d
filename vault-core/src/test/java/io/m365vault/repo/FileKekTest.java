package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileKekTest {
    @TempDir
    Path dir;

    @Test
    void createdFileIsOwnerOnlyAndLoadsBack() throws Exception {
        Path p = dir.resolve("kek");
        FileKek made = FileKek.create(p);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
        assertTrue(Files.readString(p).matches("m365vault-key-v1:[0-9a-f]{64}\n"));
        byte[] wrapped = made.wrap("payload".getBytes());
        assertArrayEquals("payload".getBytes(), FileKek.load(p).unwrap(wrapped));
        assertEquals("file:" + p, made.describe());
    }

    @Test
    void neverOverwritesAKeyFile() throws Exception {
        Path p = dir.resolve("kek");
        FileKek.create(p);
        String before = Files.readString(p);
        assertThrows(FileAlreadyExistsException.class, () -> FileKek.create(p));
        assertEquals(before, Files.readString(p));
    }

    @Test
    void otherKeyIsAMismatchAlteredBytesAreCorrupt() throws Exception {
        FileKek a = FileKek.create(dir.resolve("a"));
        FileKek b = FileKek.create(dir.resolve("b"));
        byte[] wrapped = a.wrap(new byte[100]);
        assertThrows(KekMismatchException.class, () -> b.unwrap(wrapped));
        byte[] altered = wrapped.clone();
        altered[40] ^= 1;
        assertThrows(CorruptKeysException.class, () -> a.unwrap(altered));
    }

    @Test
    void notAKeyFileIsRefused() throws Exception {
        Path p = dir.resolve("notes.txt");
        Files.writeString(p, "hello");
        var e = assertThrows(IllegalArgumentException.class, () -> FileKek.load(p));
        assertTrue(e.getMessage().startsWith("VAULT_KEK: " + p + " is not an m365vault key file"), e.getMessage());
        Files.writeString(p, "m365vault-key-v1:" + "zz".repeat(32));
        assertThrows(IllegalArgumentException.class, () -> FileKek.load(p));
    }
}
