package io.m365vault.bench;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.m365vault.repo.RepoKeys;
import java.security.GeneralSecurityException;
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
 * AEAD seal for each candidate key template, through RepoKeys (so CHACHA20_POLY1305 is the
 * JDK's cipher in Tink's format), plus TINK_CHACHA20_POLY1305: Tink's own primitive for that
 * key, which on JDK 17 is its pure-Java ChaCha20. Score: MiB/s (one operation = 1 MiB in calls of
 * callSize). Run it with and without -XX:TieredStopAtLevel=1 (C1 only, as the Azure Functions
 * Java worker starts the JVM).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AeadBench {
    @Param({"AES256_GCM", "CHACHA20_POLY1305", "XCHACHA20_POLY1305", "TINK_CHACHA20_POLY1305"})
    public String aead;

    @Param({"65536", "262144", "1048576"})
    public int callSize;

    private Sealer sealer;
    private byte[][] calls;
    private final byte[] aad = new byte[32];

    private interface Sealer {
        byte[] seal(byte[] plain, byte[] aad) throws GeneralSecurityException;
    }

    @Setup
    public void setup() throws GeneralSecurityException {
        if ("TINK_CHACHA20_POLY1305".equals(aead)) {
            AeadConfig.register();
            Aead tink = KeysetHandle.generateNew(PredefinedAeadParameters.CHACHA20_POLY1305)
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
            sealer = tink::encrypt;
        } else {
            Parameters p = switch (aead) {
                case "AES256_GCM" -> PredefinedAeadParameters.AES256_GCM;
                case "CHACHA20_POLY1305" -> PredefinedAeadParameters.CHACHA20_POLY1305;
                case "XCHACHA20_POLY1305" -> PredefinedAeadParameters.XCHACHA20_POLY1305;
                default -> throw new IllegalArgumentException("unknown AEAD " + aead);
            };
            RepoKeys keys = RepoKeys.generate(p);
            sealer = (plain, a) -> keys.seal(plain, 0, plain.length, a);
        }
        calls = BenchData.slices(BenchData.random(BenchData.MIB), callSize);
    }

    @Benchmark
    public void seal(Blackhole bh) throws GeneralSecurityException {
        for (byte[] c : calls) {
            bh.consume(sealer.seal(c, aad));
        }
    }
}
