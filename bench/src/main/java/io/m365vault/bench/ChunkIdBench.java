package io.m365vault.bench;

import io.m365vault.repo.ChunkId;
import io.m365vault.repo.RepoKeys;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/** Chunk ids: Tink PRF HMAC-SHA256. Score: MiB/s (one operation = 1 MiB in calls of callSize). */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ChunkIdBench {
    @Param({"65536", "262144", "1048576"})
    public int callSize;

    private RepoKeys keys;
    private byte[][] calls;

    @Setup
    public void setup() {
        keys = RepoKeys.generate();
        calls = BenchData.slices(BenchData.random(BenchData.MIB), callSize);
    }

    @Benchmark
    public void chunkId(Blackhole bh) {
        for (byte[] c : calls) {
            ChunkId id = keys.chunkId(c, 0, c.length);
            bh.consume(id);
        }
    }
}
