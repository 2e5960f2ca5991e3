package dev.runnel.benchmarks.jmh;

import dev.runnel.benchmarks.CepWorkloads;
import dev.runnel.benchmarks.OperatorFeed;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-element cost of one operator driven directly ({@link OperatorFeed}): window assignment and
 * aggregation for tumbling, sliding and session windows, and the NFA step of the CEP operator for
 * the W5/W6/W7 patterns, watermark firing included. No source, channel or sink; pre-generated
 * events. Scores are elements per microsecond.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC"})
@State(Scope.Thread)
public class OperatorBenchmarks {
    /** Events in the pre-generated array: 500 s of event time per lap, so every window and pattern sees its keys many times. */
    static final int EVENTS = 500_000;

    private OperatorFeed tumbling;
    private OperatorFeed sliding;
    private OperatorFeed session;
    private OperatorFeed cepFollowedBy;
    private OperatorFeed cepNextTimes;
    private OperatorFeed cepLongWindow;

    @Setup(Level.Trial)
    public void setup() {
        tumbling = OperatorFeed.tumbling(EVENTS, 42);
        sliding = OperatorFeed.sliding(EVENTS, 42);
        session = OperatorFeed.session(EVENTS, 42);
        cepFollowedBy = OperatorFeed.cep("W5", CepWorkloads.w5Pattern(), EVENTS, 42);
        cepNextTimes = OperatorFeed.cep("W6", CepWorkloads.w6Pattern(), EVENTS, 42);
        cepLongWindow = OperatorFeed.cep("W7", CepWorkloads.w7Pattern(), EVENTS, 42);
    }

    @Benchmark
    public void windowTumblingPerElement() {
        tumbling.step();
    }

    @Benchmark
    public void windowSlidingPerElement() {
        sliding.step();
    }

    @Benchmark
    public void windowSessionPerElement() {
        session.step();
    }

    /** W5-like: followedBy within 10 s. */
    @Benchmark
    public void nfaFollowedByPerEvent() {
        cepFollowedBy.step();
    }

    /** W6-like: next + times(4) within 5 min. */
    @Benchmark
    public void nfaNextTimesPerEvent() {
        cepNextTimes.step();
    }

    /** W7-like: followedBy times(3) within 1 h. */
    @Benchmark
    public void nfaLongWindowPerEvent() {
        cepLongWindow.step();
    }
}
