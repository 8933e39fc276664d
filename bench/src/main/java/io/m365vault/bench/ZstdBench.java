package io.m365vault.bench;

import com.github.luben.zstd.Zstd;
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

/**
 * zstd-jni level 3 on text-like and on random input. Score: MiB/s of input (one operation =
 * 1 MiB in calls of callSize).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ZstdBench {
    @Param({"65536", "262144", "1048576"})
    public int callSize;

    @Param({"text", "random"})
    public String input;

    private byte[][] calls;

    @Setup
    public void setup() {
        byte[] data = "text".equals(input) ? BenchData.text(BenchData.MIB) : BenchData.random(BenchData.MIB);
        calls = BenchData.slices(data, callSize);
        long out = 0;
        for (byte[] c : calls) {
            out += Zstd.compress(c, 3).length;
        }
        System.out.printf("%n# zstd-3 %s: %d -> %d bytes%n", input, BenchData.MIB, out);
    }

    @Benchmark
    public void compress(Blackhole bh) {
        for (byte[] c : calls) {
            bh.consume(Zstd.compress(c, 3));
        }
    }
}
