package dev.runnel.benchmarks.jmh;

import dev.runnel.benchmarks.TwoInputWorkloads;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Joins per element: the window join beside the same filters, union and window without the
 * {@code TaggedUnion} (what tagging costs), and the interval join. Scores are events per microsecond.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC"})
@State(Scope.Benchmark)
public class TwoInputBenchmarks {
    static final int EVENTS = 200_000;

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long unionWindowWithoutTags() {
        return TwoInputWorkloads.unionWindowBaseline(EVENTS, 42);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long windowJoin() {
        return TwoInputWorkloads.windowJoin(EVENTS, 42);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long intervalJoin() {
        return TwoInputWorkloads.intervalJoin(EVENTS, 42);
    }
}
