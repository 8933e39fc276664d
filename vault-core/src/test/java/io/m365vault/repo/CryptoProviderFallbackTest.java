package io.m365vault.repo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Where the native provider's jar is absent (or its code does not load), the JDK's ciphers
 * serve and what they seal opens here: a JVM of its own, with the jar left off its class path.
 */
class CryptoProviderFallbackTest {
    /** Run in the child JVM: seals a chunk, prints the runtime line and the record in hex. */
    public static void main(String[] args) throws Exception {
        RepoKeys keys = RepoKeys.unwrap(Files.readAllBytes(Path.of(args[0])), FileKek.load(Path.of(args[1])));
        byte[] plain = TestRepos.random(5, 3 * ChunkCodec.SEGMENT);
        SealedChunk sealed = new ChunkCodec(keys).encode(keys.chunkId(plain, 0, plain.length), plain, 0, plain.length);
        System.out.println(RuntimeReport.line());
        System.out.println(keys.chunkId(plain, 0, plain.length).hex() + " " + sealed.flags() + " " + java.util.HexFormat.of().formatHex(sealed.record()));
    }

    @Test
    void withoutTheNativeJarTheJdkSealsWhatTheNativeProviderOpens() throws Exception {
        Path dir = TestRepos.tempDir();
        FileKek kek = FileKek.create(dir.resolve("kek"));
        RepoKeys keys = RepoKeys.generate();
        Files.write(dir.resolve("keys"), keys.wrap(kek));
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> !p.contains("AmazonCorrettoCryptoProvider"))
                .collect(Collectors.joining(File.pathSeparator));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, CryptoProviderFallbackTest.class.getName(), dir.resolve("keys").toString(), dir.resolve("kek").toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
        String[] lines = out.strip().split("\n");
        assertTrue(lines[0].contains("by the JDK's") && lines[0].contains("did not load: java.lang.NoClassDefFoundError"), out);
        String[] chunk = lines[lines.length - 1].split(" ");
        byte[] plain = TestRepos.random(5, 3 * ChunkCodec.SEGMENT);
        ChunkId id = keys.chunkId(plain, 0, plain.length);
        assertEquals(id.hex(), chunk[0], "the same chunk id from either provider");
        byte[] record = java.util.HexFormat.of().parseHex(chunk[2]);
        PackEntry entry = new PackEntry(id, 0, record.length, plain.length, Integer.parseInt(chunk[1]));
        for (CryptoProvider opening : CryptoProviders.all()) {
            assertArrayEquals(plain, new ChunkCodec(keys.with(opening)).decode(entry, "p", record, 0), opening.name());
        }
    }
}
