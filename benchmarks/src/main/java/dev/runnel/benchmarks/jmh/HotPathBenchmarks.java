package dev.runnel.benchmarks.jmh;

import dev.runnel.api.OutputTag;
import dev.runnel.api.state.MapState;
import dev.runnel.api.state.MapStateDescriptor;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import dev.runnel.api.time.BoundedOutOfOrdernessWatermarks;
import dev.runnel.api.time.Clock;
import dev.runnel.api.time.WatermarkGenerator;
import dev.runnel.api.time.WatermarkOutput;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.state.KeyedRuntimeContext;
import dev.runnel.state.KeyedStateBackend;
import dev.runnel.runtime.FutureEventFilter;
import dev.runnel.runtime.OperatorContext;
import dev.runnel.runtime.SideOutputs;
import dev.runnel.time.TimerQueue;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Per-operation costs of the engine's hot paths, each beside what a plain loop would do:
 * watermark generation, keyed state access, timer registration and firing.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+UseParallelGC"})
@State(Scope.Thread)
public class HotPathBenchmarks {
    private static final WatermarkOutput NO_OUTPUT = new WatermarkOutput() {
        public void emitWatermark(long timestamp) {}

        public void markIdle() {}

        public void markActive() {}
    };

    private BoundedOutOfOrdernessWatermarks<Object> watermarks;
    private WatermarkGenerator<Object> perRecordWatermarks;
    private FutureEventFilter<Object> futureEvents;
    private final LatestWatermark latest = new LatestWatermark();
    private KeyedStateBackend backend;
    private ValueState<Long> value;
    private MapState<Long, Long> map;
    private Long[] keys;
    private TimerQueue timers;
    /** W4's disorder, 0 to 100 ms, drawn at random and repeated every 65,536 timers. */
    private final int[] disorder = new java.util.SplittableRandom(42).ints(1 << 16, 0, 101).toArray();
    private long tick;
    private long time;

    @Setup
    public void setup() {
        watermarks = new BoundedOutOfOrdernessWatermarks<>(Duration.ofMillis(200));
        WatermarkStrategy<Object> perRecord = WatermarkStrategy.forBoundedOutOfOrderness(Duration.ofMillis(200))
            .withPerRecordEmission().withFutureEventGuard(Duration.ofDays(1), new OutputTag<>("future", Object.class));
        perRecordWatermarks = perRecord.createWatermarkGenerator(() -> Clock.SYSTEM);
        futureEvents = FutureEventFilter.of(perRecord, Clock.SYSTEM);
        backend = new KeyedStateBackend("bench", Clock.SYSTEM);
        KeyedRuntimeContext rc = new KeyedRuntimeContext(new OperatorContext("bench", 0, 1, Clock.SYSTEM, new SideOutputs()), backend);
        value = rc.getState(new ValueStateDescriptor<>("v", Long.class));
        map = rc.getMapState(new MapStateDescriptor<>("m", Long.class, Long.class));
        keys = new Long[10_000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = (long) i;
        }
        timers = new TimerQueue();
    }

    /** One event through bounded out-of-orderness, plus a periodic emit every 256 events. */
    @Benchmark
    public void watermarkPerEvent() {
        long t = tick++;
        watermarks.onEvent(null, t + (t * 31 & 127), NO_OUTPUT);
        if ((t & 255) == 0) {
            watermarks.onPeriodicEmit(NO_OUTPUT);
        }
    }

    /**
     * The same events with {@code withPerRecordEmission()}: an emit after every event, into an output
     * that keeps the watermark only when it moves forward, as the source driver does.
     */
    @Benchmark
    public long watermarkPerRecordEmission() {
        long t = tick++;
        perRecordWatermarks.onEvent(null, t + (t * 31 & 127), latest);
        return latest.watermark;
    }

    /** The same events through the future-event guard's check first, then per-record emission. */
    @Benchmark
    public long watermarkPerRecordEmissionWithFutureEventGuard() {
        long t = tick++;
        long ts = t + (t * 31 & 127);
        if (!futureEvents.tooFarAhead(ts)) {
            perRecordWatermarks.onEvent(null, ts, latest);
        }
        return latest.watermark;
    }

    /** Set the current key (one hash lookup), read and update a ValueState. */
    @Benchmark
    public void valueStateGetUpdate() {
        long t = tick++;
        backend.setCurrentKey(keys[(int) (t % keys.length)]);
        Long v = value.value();
        value.update(v == null ? 1L : v + 1);
    }

    /** Set the current key, read and update one entry of a MapState. */
    @Benchmark
    public void mapStateGetPut(Blackhole bh) {
        long t = tick++;
        backend.setCurrentKey(keys[(int) (t % keys.length)]);
        Long k = keys[(int) ((t >> 3) & 63)];
        Long v = map.get(k);
        map.put(k, v == null ? 1L : v + 1);
        bh.consume(v);
    }

    /** W4's timer pattern: register at ts + 1000 for one of 10k keys, fire everything up to ts every 256 events. */
    @Benchmark
    public void timerRegisterAndFire(Blackhole bh) {
        long t = time++;
        timers.register(keys[(int) (t % keys.length)], null, t + 1_000 + (t * 31 & 63));
        if ((t & 255) == 0) {
            bh.consume(timers.advance(t, (key, ns, ts) -> bh.consume(key)));
        }
    }

    /**
     * As above, firing every 2^20 events: how W4 runs at several million events/s, when a 200 ms
     * watermark interval leaves about a million timers pending. The slab's entries then leave the
     * cache between registration and firing, so the order they are handed out in decides the cost.
     * The disorder is random, as W4's is: a regular one keeps entries within small blocks by itself.
     */
    @Benchmark
    public void timerRegisterAndFireBetweenRareWatermarks(Blackhole bh) {
        long t = time++;
        timers.register(keys[(int) (t % keys.length)], null, t + 1_000 + disorder[(int) t & 0xFFFF]);
        if ((t & ((1 << 20) - 1)) == 0) {
            bh.consume(timers.advance(t, (key, ns, ts) -> bh.consume(key)));
        }
    }

    /** Keeps the watermark only when it moves forward, as the runtime's outputs do. */
    private static final class LatestWatermark implements WatermarkOutput {
        long watermark = Long.MIN_VALUE;

        public void emitWatermark(long timestamp) {
            if (timestamp > watermark) {
                watermark = timestamp;
            }
        }

        public void markIdle() {}

        public void markActive() {}
    }
}
