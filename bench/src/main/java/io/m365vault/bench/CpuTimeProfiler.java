package io.m365vault.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Throughput per second of process CPU time, next to JMH's per second of wall time. The machine
 * is shared: when other work takes the cores, wall-clock scores fall but this one holds, so
 * runs made at different times still compare. Use with {@code -prof io.m365vault.bench.CpuTimeProfiler}.
 */
public class CpuTimeProfiler implements InternalProfiler {
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuStart;
    private long wallStart;

    @Override
    public String getDescription() {
        return "score per second of process CPU time (robust to other load on the machine)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuStart = os.getProcessCpuTime();
        wallStart = System.nanoTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        double cpu = os.getProcessCpuTime() - cpuStart;
        double wall = System.nanoTime() - wallStart;
        double perCpu = result.getPrimaryResult().getScore() * wall / cpu;
        return List.of(new ScalarResult("perCpuSecond", perCpu,
                result.getScoreUnit().replace("/s", "/cpu-s"), AggregationPolicy.AVG));
    }
}
