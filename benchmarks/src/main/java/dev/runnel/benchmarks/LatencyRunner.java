package dev.runnel.benchmarks;

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
import java.time.Duration;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Latency at a fixed offered rate: a paced source schedules event i at {@code start + i / rate};
 * a keyed process function (W4's counter and timer) passes each event on; the sink records the
 * time from the event's <em>scheduled</em> send time to its output. Measuring from the schedule,
 * not from when the source got round to sending, is what corrects coordinated omission: if the
 * pipeline stalls, every event that should have been sent meanwhile is charged the wait.
 */
final class LatencyRunner {
    private LatencyRunner() {}

    /** An event and the nanoTime at which it was due to be sent. */
    record Timed(Event event, long scheduledNanos) {}

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
                out.collect(new Timed(e, start + sent * intervalNanos), e.ts);
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

    /** Records latency from the scheduled send time, after a warm-up. */
    static final class LatencySink implements Sink<Timed> {
        final Histogram histogram = new Histogram(60_000_000_000L, 3);
        private final long warmupEvents;
        private long seen;

        LatencySink(long warmupEvents) {
            this.warmupEvents = warmupEvents;
        }

        @Override
        public void invoke(Timed t) {
            long latency = System.nanoTime() - t.scheduledNanos();
            if (seen++ >= warmupEvents) {
                histogram.recordValue(Math.max(0, Math.min(latency, histogram.getHighestTrackableValue())));
            }
        }
    }

    static void run(long[] rates, int seconds, long seed) {
        System.out.println("latency: paced source -> keyBy(key % 10k) -> KeyedProcessFunction -> sink, parallelism 1; "
            + "from scheduled send time to output; first 2 s excluded");
        for (boolean timers : new boolean[] {false, true}) {
            for (long rate : rates) {
                Histogram h = measure(rate, seconds, seed, timers);
                System.out.printf(Locale.ROOT, "%-22s rate=%,d/s  events=%,d  p50=%.1f us  p99=%.1f us  p99.9=%.1f us  max=%.1f us%n",
                    timers ? "keyed state + timers" : "keyed state", rate, h.getTotalCount(), h.getValueAtPercentile(50) / 1e3,
                    h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3);
            }
        }
    }

    private static Histogram measure(long rate, int seconds, long seed, boolean timers) {
        long total = rate * (seconds + 2);
        LatencySink sink = new LatencySink(rate * 2);
        StreamEnvironment env = StreamEnvironment.create();
        env.fromSource(new PacedSource(seed, rate, total),
                WatermarkStrategy.<Timed>forBoundedOutOfOrderness(Duration.ofMillis(200)).withTimestampAssigner((t, ts) -> t.event().ts),
                "paced")
            .keyBy(t -> t.event().key % 10_000)
            .process(new CountAndForward(timers))
            .addSink(sink);
        env.execute("latency-" + rate);
        return sink.histogram;
    }
}
