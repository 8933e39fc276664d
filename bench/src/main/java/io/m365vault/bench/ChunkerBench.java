package io.m365vault.bench;

import io.m365vault.repo.Chunker;
import io.m365vault.repo.ChunkerParams;
import io.m365vault.repo.RepoKeys;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** FastCDC cut search. Score: MiB/s (one operation = 1 MiB). */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ChunkerBench {
    private static final int MIBS = 32;

    @Param({"SMALL", "FILES"})
    public String params;

    private Chunker chunker;
    private byte[] data;

    @Setup
    public void setup() {
        ChunkerParams p = "SMALL".equals(params) ? ChunkerParams.SMALL : ChunkerParams.FILES;
        chunker = new Chunker(p, RepoKeys.generate().gearTable());
        data = BenchData.random(MIBS * BenchData.MIB);
    }

    @Benchmark
    @OperationsPerInvocation(MIBS)
    public int cut() {
        int chunks = 0;
        for (int off = 0; off < data.length; chunks++) {
            off += chunker.cut(data, off, data.length - off);
        }
        return chunks;
    }
}
