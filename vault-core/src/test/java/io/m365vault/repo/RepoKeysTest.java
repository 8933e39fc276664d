package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoKeysTest {
    @TempDir
    Path dir;

    private final RepoKeys keys = RepoKeys.generate();

    @Test
    void sealOpensOnlyWithSameBytesAndAad() throws GeneralSecurityException {
        byte[] buf = ChunkerTest.random(1, 100_000);
        byte[] aad = keys.chunkId(buf, 10, 50_000).bytes();
        byte[] sealed = keys.seal(buf, 10, 50_000, aad);
        assertArrayEquals(Arrays.copyOfRange(buf, 10, 50_010), keys.open(sealed, 0, sealed.length, aad));

        byte[] framed = new byte[sealed.length + 7];
        System.arraycopy(sealed, 0, framed, 3, sealed.length);
        assertArrayEquals(Arrays.copyOfRange(buf, 10, 50_010), keys.open(framed, 3, sealed.length, aad));

        byte[] otherAad = aad.clone();
        otherAad[0] ^= 1;
        assertThrows(GeneralSecurityException.class, () -> keys.open(sealed, 0, sealed.length, otherAad));
        for (int at : new int[] {0, 5, 20, sealed.length / 2, sealed.length - 1}) {
            byte[] tampered = sealed.clone();
            tampered[at] ^= 0x40;
            assertThrows(GeneralSecurityException.class, () -> keys.open(tampered, 0, tampered.length, aad), "flip at " + at);
        }
        assertThrows(GeneralSecurityException.class, () -> keys.open(sealed, 0, sealed.length - 1, aad));
        assertThrows(GeneralSecurityException.class, () -> RepoKeys.generate().open(sealed, 0, sealed.length, aad));
    }

    @Test
    void everyAeadChoiceRoundTrips() throws GeneralSecurityException {
        for (var p : new com.google.crypto.tink.Parameters[] {PredefinedAeadParameters.AES256_GCM,
                PredefinedAeadParameters.CHACHA20_POLY1305, PredefinedAeadParameters.XCHACHA20_POLY1305}) {
            RepoKeys k = RepoKeys.generate(p);
            byte[] plain = ChunkerTest.random(2, 3000);
            byte[] sealed = k.seal(plain, 0, plain.length, new byte[0]);
            assertArrayEquals(plain, k.open(sealed, 0, sealed.length, new byte[0]), p.toString());
        }
    }

    @Test
    void aContextsSealerIsTheSameKeyAfterUnwrapAndNoOtherContexts() throws Exception {
        FileKek kek = FileKek.create(dir.resolve("k"));
        RepoKeys back = RepoKeys.unwrap(keys.wrap(kek), kek);
        byte[] plain = ChunkerTest.random(5, 700);
        byte[] aad = {3};
        byte[] sealed = keys.sealerFor("user:a:mail").seal(plain, 0, plain.length, aad);
        assertArrayEquals(plain, back.sealerFor("user:a:mail").open(sealed, 0, sealed.length, aad));
        byte[] into = new byte[plain.length + 2];
        assertEquals(plain.length, back.sealerFor("user:a:mail").open(sealed, 0, sealed.length, aad, into, 2));
        assertArrayEquals(plain, Arrays.copyOfRange(into, 2, into.length));
        assertThrows(GeneralSecurityException.class, () -> keys.sealerFor("user:a:files").open(sealed, 0, sealed.length, aad));
        assertThrows(GeneralSecurityException.class, () -> keys.sealerFor("user:b:mail").open(sealed, 0, sealed.length, aad));
        assertThrows(GeneralSecurityException.class, () -> keys.open(sealed, 0, sealed.length, aad), "not the keyset's own key");
        assertThrows(GeneralSecurityException.class, () -> RepoKeys.generate().sealerFor("user:a:mail").open(sealed, 0, sealed.length, aad));
    }

    @Test
    void derivedKeysNeedAKeyTheJdkHandles() {
        RepoKeys xchacha = RepoKeys.generate(PredefinedAeadParameters.XCHACHA20_POLY1305);
        var e = assertThrows(IllegalStateException.class, () -> xchacha.sealerFor("c"));
        assertTrue(e.getMessage().contains("no ChaCha20-Poly1305 or AES-GCM key"), e.getMessage());
    }

    @Test
    void chunkIdsAreKeyedAndDeterministic() {
        byte[] buf = ChunkerTest.random(3, 4096);
        assertEquals(keys.chunkId(buf, 0, 4096), keys.chunkId(buf.clone(), 0, 4096));
        assertEquals(keys.chunkId(buf, 100, 200), keys.chunkId(Arrays.copyOfRange(buf, 100, 300), 0, 200));
        assertNotEquals(keys.chunkId(buf, 0, 4096), keys.chunkId(buf, 0, 4095));
        assertNotEquals(keys.chunkId(buf, 0, 4096), RepoKeys.generate().chunkId(buf, 0, 4096));
    }

    @Test
    void gearTableIsKeyedAndSurvivesWrap() throws IOException {
        long[] g = keys.gearTable();
        assertEquals(Chunker.GEAR_SIZE, g.length);
        assertEquals(Chunker.GEAR_SIZE, Arrays.stream(g).distinct().count());
        assertFalse(Arrays.equals(g, RepoKeys.generate().gearTable()));
        FileKek kek = FileKek.create(dir.resolve("k"));
        RepoKeys back = RepoKeys.unwrap(keys.wrap(kek), kek);
        assertArrayEquals(g, back.gearTable());
    }

    @Test
    void wrapRoundTripKeepsEveryKey() throws Exception {
        FileKek kek = FileKek.create(dir.resolve("k"));
        byte[] blob = keys.wrap(kek);
        RepoKeys back = RepoKeys.unwrap(blob, kek);
        assertEquals(keys.id(), back.id());
        assertTrue(keys.id().matches("[0-9a-f]{16}"), keys.id());
        byte[] plain = ChunkerTest.random(4, 1000);
        byte[] sealed = keys.seal(plain, 0, plain.length, new byte[] {1});
        assertArrayEquals(plain, back.open(sealed, 0, sealed.length, new byte[] {1}));
        assertEquals(keys.chunkId(plain, 0, 1000), back.chunkId(plain, 0, 1000));
        // The header names the keys and the KEK kind in clear, so a wrong key can be told apart.
        String text = new String(blob, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(text.contains(keys.id()) && text.contains("file"));
    }

    @Test
    void wrongKekOfSameKindIsWrongKey() throws IOException {
        FileKek kek = FileKek.create(dir.resolve("a"));
        FileKek other = FileKek.create(dir.resolve("b"));
        byte[] blob = keys.wrap(kek);
        var e = assertThrows(WrongKeyException.class, () -> RepoKeys.unwrap(blob, other));
        assertTrue(e.getMessage().startsWith("the key file:" + dir.resolve("b")
                + " does not open this repository's keys (" + keys.id() + ")"), e.getMessage());
    }

    @Test
    void kekOfAnotherKindIsWrongKey() throws IOException {
        byte[] blob = keys.wrap(FileKek.create(dir.resolve("a")));
        var pass = new PassphraseKek("passphrase-env:P", "secret", 64, 1, 1);
        var e = assertThrows(WrongKeyException.class, () -> RepoKeys.unwrap(blob, pass));
        assertTrue(e.getMessage().contains("sealed under a file key"), e.getMessage());
    }

    @Test
    void corruptOrTruncatedBlobIsCorruptNotWrongKey() throws IOException {
        FileKek kek = FileKek.create(dir.resolve("k"));
        byte[] blob = keys.wrap(kek);
        SplittableRandom r = new SplittableRandom(8);
        for (int i = 0; i < 200; i++) {
            byte[] bad = blob.clone();
            int at = r.nextInt(bad.length);
            bad[at] ^= (byte) (1 + r.nextInt(255));
            assertCorruptOrWrong(bad, kek, at);
        }
        for (int len = 0; len < blob.length; len += 1 + r.nextInt(9)) {
            byte[] cut = Arrays.copyOf(blob, len);
            assertThrows(CorruptKeysException.class, () -> RepoKeys.unwrap(cut, kek), "truncated to " + len);
        }
        byte[] longer = Arrays.copyOf(blob, blob.length + 1);
        assertThrows(CorruptKeysException.class, () -> RepoKeys.unwrap(longer, kek));
        var e = assertThrows(CorruptKeysException.class, () -> RepoKeys.unwrap("{\"json\":1}".getBytes(), kek));
        assertTrue(e.getMessage().startsWith("the repository's key blob is corrupt"), e.getMessage());
    }

    @Test
    void aSwollenTextFieldIsCorruptNotRepeatedInAMessage() throws IOException {
        FileKek kek = FileKek.create(dir.resolve("k"));
        byte[] blob = keys.wrap(kek);
        KeyBlobFields.Reader r = new KeyBlobFields.Reader(blob);
        byte[] magic = r.raw(16);
        String id = r.text();
        r.text();
        byte[] swollen = new KeyBlobFields.Writer().raw(magic).text(id).text("x".repeat(KeyBlobFields.MAX_TEXT + 1))
                .bytes(r.bytes()).toBytes();
        var e = assertThrows(CorruptKeysException.class, () -> RepoKeys.unwrap(swollen, kek));
        assertEquals("the repository's key blob is corrupt: a text field of 1025 bytes (at most 1024)", e.getMessage());
    }

    /**
     * A flipped byte is reported as corruption, except where it lands in what names the key
     * (the KEK kind, the key check value): there "wrong key" is what the blob now says.
     */
    private void assertCorruptOrWrong(byte[] bad, Kek kek, int at) {
        try {
            RepoKeys.unwrap(bad, kek);
            throw new AssertionError("altered byte at " + at + " went unnoticed");
        } catch (CorruptKeysException expected) {
            // the usual case
        } catch (WrongKeyException e) {
            int kindEnd = 16 + 4 + 16 + 4 + 4; // magic, id, kind "file"
            int checkStart = kindEnd + 4;
            assertTrue(at >= kindEnd - 4 && at < checkStart + 16, "wrong key reported for a flip at " + at);
        }
    }
}
