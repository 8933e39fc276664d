package io.m365vault.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
    @TempDir
    Path dir;

    private Cli.Result run(String... args) {
        return new Cli(Map.of(), dir).run(args);
    }

    @Test
    void pipelinePrintsOneLinePerPassEachIntoANewRepository() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.createDirectories(data.resolve("sub"));
        byte[] random = new byte[3 << 20];
        new SplittableRandom(7).nextBytes(random);
        Files.write(data.resolve("random.bin"), random);
        Files.write(data.resolve("sub/copy.bin"), random);
        Files.writeString(data.resolve("text.txt"), "the same line again\n".repeat(50_000));
        long bytes = 2L * random.length + 20L * 50_000;

        Cli.Result r = run("bench", "pipeline", "--passes", "2", "--packs", dir.resolve("packs").toString(), data.toString());
        assertEquals(0, r.code(), r.toString());
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length, r.out());
        assertTrue(r.err().startsWith("vault bench: JVM ") && r.err().contains(" MiB") && r.err().contains("SHA-256 by "), r.err());
        for (int i = 0; i < 2; i++) {
            JsonNode j = new ObjectMapper().readTree(lines[i]);
            assertEquals(i + 1, j.get("pass").asInt());
            assertEquals(bytes, j.get("bytes").asLong());
            assertEquals(3, j.get("files").asInt());
            // The copy adds chunks but no new ones; the text compresses: less is stored than one copy of the random file and the text.
            assertTrue(j.get("newChunks").asLong() < j.get("chunks").asLong(), lines[i]);
            long stored = j.get("storedBytes").asLong();
            assertTrue(stored > random.length && stored < random.length + 100_000, lines[i]);
            assertTrue(Files.isDirectory(dir.resolve("packs/pass-" + (i + 1))), "packs of pass " + (i + 1) + " kept where asked");
        }
    }

    @Test
    void badPassesOrDirectoryIsOneClearError() {
        Cli.Result zero = run("bench", "pipeline", "--passes", "0", dir.toString());
        assertEquals(2, zero.code(), zero.toString());
        assertTrue(zero.err().contains("--passes must be at least 1, got 0"), zero.err());

        Cli.Result missing = run("bench", "pipeline", dir.resolve("nope").toString());
        assertEquals(1, missing.code(), missing.toString());
        assertTrue(missing.errorLine().contains("not a directory"), missing.errorLine());
    }
}
