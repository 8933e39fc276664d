package io.m365vault.bench;

import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
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

/**
 * AEAD seal through RepoKeys for each candidate key template. Score: MiB/s (one operation =
 * 1 MiB in calls of callSize). Run it with and without -XX:TieredStopAtLevel=1 (C1 only, as the
 * Azure Functions Java worker starts the JVM).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AeadBench {
    @Param({"AES256_GCM", "CHACHA20_POLY1305", "XCHACHA20_POLY1305"})
    public String aead;

    @Param({"65536", "262144", "1048576"})
    public int callSize;

    private RepoKeys keys;
    private byte[][] calls;
    private final byte[] aad = new byte[32];

    @Setup
    public void setup() {
        Parameters p = switch (aead) {
            case "AES256_GCM" -> PredefinedAeadParameters.AES256_GCM;
            case "CHACHA20_POLY1305" -> PredefinedAeadParameters.CHACHA20_POLY1305;
            case "XCHACHA20_POLY1305" -> PredefinedAeadParameters.XCHACHA20_POLY1305;
            default -> throw new IllegalArgumentException("unknown AEAD " + aead);
        };
        keys = RepoKeys.generate(p);
        calls = BenchData.slices(BenchData.random(BenchData.MIB), callSize);
    }

    @Benchmark
    public void seal(Blackhole bh) {
        for (byte[] c : calls) {
            bh.consume(keys.seal(c, 0, c.length, aad));
        }
    }
}
