package dev.runnel.benchmarks.jmh;

import dev.runnel.benchmarks.Baselines;
import dev.runnel.benchmarks.CepWorkloads;
import dev.runnel.benchmarks.EngineWorkloads;
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
 * Whole jobs per element — window assignment and aggregation (tumbling, sliding, session), the
 * W0/W1/W4 pipelines and the CEP patterns of W5–W7 — each invocation a job over {@value #EVENTS} generated events, with H1 (the
 * hand-written loop) beside them. Scores are events per microsecond.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC"})
@State(Scope.Benchmark)
public class PipelineBenchmarks {
    static final int EVENTS = 200_000;

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long h1HandWritten() {
        return Baselines.h1(EVENTS, 42, Baselines.DISCARD);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long w0SourceMapSink() {
        return EngineWorkloads.w0(EVENTS, 42, 1);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long w1TumblingAggregate() {
        return EngineWorkloads.w1(EVENTS, 42, 1);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long w2SlidingAggregate() {
        return EngineWorkloads.w2(EVENTS, 42, 1);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long w3SessionAggregate() {
        return EngineWorkloads.w3(EVENTS, 42, 1);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long w4KeyedProcessWithTimers() {
        return EngineWorkloads.w4(EVENTS, 42, 1);
    }

    /** NFA step per event, W5-like: followedBy within 10 s. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long w5CepFollowedBy() {
        return CepWorkloads.w5(EVENTS, 42);
    }

    /** NFA step per event, W6-like: next + times(4) within 5 min. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long w6CepStrictTimes() {
        return CepWorkloads.w6(EVENTS, 42);
    }

    /** NFA step per event, W7-like: followedBy times(3) within 1 h. */
    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long w7CepLongWindow() {
        return CepWorkloads.w7(EVENTS, 42);
    }
}
