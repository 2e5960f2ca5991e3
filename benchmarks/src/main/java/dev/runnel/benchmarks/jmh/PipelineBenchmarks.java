package dev.runnel.benchmarks.jmh;

import dev.runnel.benchmarks.Baselines;
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
 * Whole jobs per element — window assignment and aggregation (tumbling, sliding, session) and the
 * W0/W1/W4 pipelines — each invocation a job over {@value #EVENTS} generated events, with H1 (the
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
}
