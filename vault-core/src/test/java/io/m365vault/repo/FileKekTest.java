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

    private void refused(byte[] content, String problem) throws Exception {
        Path p = dir.resolve("not-a-key");
        Files.write(p, content);
        var e = assertThrows(IllegalArgumentException.class, () -> FileKek.load(p));
        assertEquals("VAULT_KEK: " + p + " is not an m365vault key file (" + problem + "): a key file is one line "
                + "m365vault-key-v1:<64 hex digits> (256 random bits), as `vault init` makes it", e.getMessage());
    }

    @Test
    void anythingButAKeyFileIsOneLineSayingWhatAKeyFileIs() throws Exception {
        byte[] random = new byte[32];
        new java.util.Random(3).nextBytes(random);
        random[0] = (byte) 0xff; // not ASCII, whatever the seed gives
        refused(random, "it is not a line of text");
        refused(new byte[0], "it is empty");
        refused("m365vault-key-v1:0123abcd\n".getBytes(), "after the prefix come 8 characters, not 64 hex digits");
        refused(("m365vault-key-v1:" + "zz".repeat(32)).getBytes(), "after the prefix come 64 characters, not 64 hex digits");
        refused("hello\n".getBytes(), "it does not start with m365vault-key-v1:");
        refused(new byte[5000], "it is larger than 1024 bytes");
    }
}
