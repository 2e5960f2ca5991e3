package dev.runnel.benchmarks;

import dev.runnel.api.DataStream;
import dev.runnel.api.KeyedStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.functions.Sink;
import dev.runnel.api.source.Source;
import dev.runnel.api.source.SourceOutput;
import dev.runnel.api.source.SourceStatus;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.cep.CEP;
import dev.runnel.cep.pattern.Pattern;
import dev.runnel.cep.pattern.conditions.SimpleCondition;
import java.time.Duration;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Latency at a fixed offered rate: a paced source schedules event i at {@code start + i / rate}
 * and stamps it with the time it actually sent it (ingestion); a keyed process function, or a CEP
 * pattern, passes it on; the sink records per output the time from ingestion to output.
 *
 * <p>Coordinated omission is corrected two ways, printed side by side. HdrHistogram's
 * {@code recordValueWithExpectedInterval} (expected interval = 1 / rate) back-fills the samples a
 * stalled pipeline kept the source from sending; measuring from the <em>scheduled</em> send time
 * charges every event that should have been sent during a stall with the whole wait. Without
 * either, a 10 ms stall at 1 M events/s would count as one slow event instead of 10,000.
 */
final class LatencyRunner {
    private LatencyRunner() {}

    /** An event, its index, when it was due and when the source actually sent it (nanoTime). */
    record Timed(Event event, long index, long scheduledNanos, long ingestNanos) {}

    /** What runs between the paced source and the sink. */
    enum Pipeline {
        KEYED("keyed state"),
        KEYED_TIMERS("keyed state + timers"),
        CEP("CEP a->b (W5)");

        final String label;

        Pipeline(String label) {
            this.label = label;
        }
    }

    /** Latency figures of one pipeline at one rate. */
    record Result(Pipeline pipeline, long rate, long outputs, Histogram fromIngestion, Histogram fromSchedule) {
        String line() {
            return String.format(Locale.ROOT, "%-22s rate=%,d/s  outputs=%,d  ingestion->output (CO-corrected): %s  |  schedule->output: %s",
                pipeline.label, rate, outputs, percentiles(fromIngestion), percentiles(fromSchedule));
        }

        private static String percentiles(Histogram h) {
            return String.format(Locale.ROOT, "p50=%.1f p99=%.1f p99.9=%.1f max=%.1f us", h.getValueAtPercentile(50) / 1e3,
                h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3);
        }
    }

    /** Emits events on schedule, spinning briefly for the next one so that pacing is not at the mercy of the idle strategy. */
    static final class PacedSource implements Source<Timed> {
        private final EventGenerator generator;
        private final long intervalNanos;
        private final long total;
        private long start;
        private long sent;

        PacedSource(long seed, long ratePerSecond, long total) {
            this.generator = new EventGenerator(seed);
            this.intervalNanos = 1_000_000_000L / ratePerSecond;
            this.total = total;
        }

        @Override
        public boolean isBounded() {
            return true;
        }

        @Override
        public SourceStatus poll(SourceOutput<Timed> out, int max) {
            if (start == 0) {
                start = System.nanoTime();
            }
            long now = System.nanoTime();
            long nextDue = start + sent * intervalNanos;
            while (now < nextDue && nextDue - now < 50_000) {
                Thread.onSpinWait();
                now = System.nanoTime();
            }
            int emitted = 0;
            while (sent < total && emitted < max && start + sent * intervalNanos <= now) {
                Event e = generator.next();
                out.collect(new Timed(e, sent, start + sent * intervalNanos, System.nanoTime()), e.ts);
                sent++;
                emitted++;
            }
            if (sent >= total) {
                return SourceStatus.END_OF_INPUT;
            }
            return emitted > 0 || start + sent * intervalNanos - System.nanoTime() < 50_000 ? SourceStatus.MORE_AVAILABLE
                : SourceStatus.NOTHING_AVAILABLE;
        }
    }

    /** A per-key counter in keyed state (optionally with W4's timer per event), passing each event on. */
    static final class CountAndForward extends KeyedProcessFunction<Long, Timed, Timed> {
        private final boolean timers;
        private transient ValueState<Long> count;

        CountAndForward(boolean timers) {
            this.timers = timers;
        }

        @Override
        public void open(RuntimeContext rc) {
            count = rc.getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(Timed t, Context ctx, Collector<Timed> out) {
            Long c = count.value();
            count.update(c == null ? 1L : c + 1);
            if (timers) {
                ctx.timerService().registerEventTimeTimer(t.event().ts + 1_000);
            }
            out.collect(t);
        }

        @Override
        public void onTimer(long ts, OnTimerContext ctx, Collector<Timed> out) {
            count.clear();
        }
    }

    /**
     * Records both latencies of every output after the warm-up events. Warm-up outputs are recorded
     * too, into histograms that are thrown away, chosen by index rather than by a branch: a sink that
     * skipped them would run its recording code for the first time when the measured window opens,
     * and the JIT's deoptimization and recompilation of that path stalled the pipeline by about 10 ms
     * there (some 9,000 outputs over 1 ms at 1 M events/s, all in the window's first 10 ms).
     */
    static final class LatencySink implements Sink<Timed> {
        /** [0] warm-up, [1] measured. */
        private final Histogram[] ingestion = {newHistogram(), newHistogram()};
        private final Histogram[] schedule = {newHistogram(), newHistogram()};
        final Histogram fromIngestion = ingestion[1];
        final Histogram fromSchedule = schedule[1];
        private final long warmupEvents;
        private final long expectedIntervalNanos;
        long outputs;

        LatencySink(long warmupEvents, long expectedIntervalNanos) {
            this.warmupEvents = Math.max(1, warmupEvents);
            this.expectedIntervalNanos = expectedIntervalNanos;
        }

        private static Histogram newHistogram() {
            return new Histogram(60_000_000_000L, 3);
        }

        @Override
        public void invoke(Timed t) {
            long now = System.nanoTime();
            int measured = (int) Math.min(1, t.index() / warmupEvents);
            outputs += measured;
            ingestion[measured].recordValueWithExpectedInterval(clamp(now - t.ingestNanos()), expectedIntervalNanos);
            schedule[measured].recordValue(clamp(now - t.scheduledNanos()));
        }

        private long clamp(long nanos) {
            return Math.max(0, Math.min(nanos, fromSchedule.getHighestTrackableValue()));
        }
    }

    static void run(long[] rates, int seconds, long seed) {
        System.out.println("latency: paced source -> keyBy(key % 10k) -> KeyedProcessFunction or CEP (processing time) -> sink, "
            + "parallelism 1; first 2 s excluded; CO-corrected with expected interval 1/rate");
        for (Pipeline p : Pipeline.values()) {
            for (long rate : rates) {
                System.out.println(measure(p, rate, rate * (seconds + 2L), rate * 2, seed).line());
            }
        }
    }

    /** One paced run of {@code total} events; outputs of the first {@code warmupEvents} events are not recorded. */
    static Result measure(Pipeline pipeline, long rate, long total, long warmupEvents, long seed) {
        // start each pipeline from a collected heap (as JMH's -gc does between iterations): otherwise the
        // young collections of the first pipeline copy the runner's start-up objects, and those of a later
        // one what the previous pipeline left, neither of which a long-running job's collections would see
        // the sink's histograms (about 900 KB) before the collection, so that they are old and no young
        // collection of the pipeline copies the instrument
        LatencySink sink = new LatencySink(warmupEvents, 1_000_000_000L / rate);
        System.gc();
        StreamEnvironment env = BenchWatermarks.apply(StreamEnvironment.create());
        KeyedStream<Timed, Long> keyed = env.fromSource(new PacedSource(seed, rate, total),
                WatermarkStrategy.<Timed>forBoundedOutOfOrderness(Duration.ofMillis(200)).withTimestampAssigner((t, ts) -> t.event().ts),
                "paced")
            .keyBy(t -> t.event().key % 10_000);
        DataStream<Timed> out = switch (pipeline) {
            case KEYED -> keyed.process(new CountAndForward(false));
            case KEYED_TIMERS -> keyed.process(new CountAndForward(true));
            // processing time: matches leave as soon as their last event arrives, not when a watermark passes it
            case CEP -> CEP.pattern(keyed, w5Pattern()).inProcessingTime().select(m -> m.get("b").get(0));
        };
        out.addSink(sink);
        env.execute("latency-" + pipeline + "-" + rate);
        return new Result(pipeline, rate, sink.outputs, sink.fromIngestion, sink.fromSchedule);
    }

    /** W5's pattern over timed events: a type-0 event followed by a type-1 event within 10 s. */
    private static Pattern<Timed, Timed> w5Pattern() {
        return Pattern.<Timed>begin("a").where(ofType(0)).followedBy("b").where(ofType(1)).within(Duration.ofSeconds(10));
    }

    private static SimpleCondition<Timed> ofType(int type) {
        return new SimpleCondition<>() {
            @Override
            public boolean filter(Timed t) {
                return t.event().type == type;
            }
        };
    }
}
