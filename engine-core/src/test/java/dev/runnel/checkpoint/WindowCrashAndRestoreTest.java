package dev.runnel.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.DataStream;
import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.AggregateFunction;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.ProcessWindowFunction;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import dev.runnel.api.windowing.CountTrigger;
import dev.runnel.api.windowing.EventTimeSessionWindows;
import dev.runnel.api.windowing.GlobalWindow;
import dev.runnel.api.windowing.CountEvictor;
import dev.runnel.api.windowing.DeltaTrigger;
import dev.runnel.api.windowing.GlobalWindows;
import dev.runnel.api.windowing.TimeEvictor;
import dev.runnel.api.windowing.PurgingTrigger;
import dev.runnel.api.windowing.SlidingEventTimeWindows;
import dev.runnel.api.windowing.TimeWindow;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.checkpoint.CrashLoop.Event;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Window jobs killed at random records resume from their checkpoints and commit exactly the output
 * of an uninterrupted run: each window operator (sliced, session fast path, general) with its
 * contents, timers, lateness bookkeeping, late side output, per-window state and trigger state.
 */
class WindowCrashAndRestoreTest {
    private static final OutputTag<Event> LATE = OutputTag.of("late", Event.class);

    @TempDir
    Path dir;

    /** Sums values; counts elements too, so that the result shows what the window held. */
    static final class SumCount implements AggregateFunction<Event, long[], String> {
        @Override
        public long[] createAccumulator() {
            return new long[2];
        }

        @Override
        public long[] add(Event e, long[] acc) {
            acc[0] += e.value();
            acc[1]++;
            return acc;
        }

        @Override
        public String getResult(long[] acc) {
            return acc[0] + "/" + acc[1];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            a[0] += b[0];
            a[1] += b[1];
            return a;
        }
    }

    /** Key, window and result; the firing number per window comes from per-window state. */
    static final class Describe<W extends dev.runnel.api.windowing.Window> extends ProcessWindowFunction<String, String, Long, W> {
        private final boolean countFirings;

        Describe(boolean countFirings) {
            this.countFirings = countFirings;
        }

        @Override
        public void process(Long key, Context ctx, Iterable<String> results, Collector<String> out) throws Exception {
            String firing = "";
            if (countFirings) {
                ValueState<Integer> firings = ctx.windowState().getState(new ValueStateDescriptor<>("firings", Integer.class));
                int n = firings.value() == null ? 1 : firings.value() + 1;
                firings.update(n);
                firing = " #" + n;
            }
            out.collect(key + " " + ctx.window() + " " + results.iterator().next() + firing);
        }
    }

    private static void sinkLate(DataStream<String> main, java.util.function.BiConsumer<String, DataStream<String>> sinks) {
        sinks.accept("late", main.getSideOutput(LATE).map(Event::toString));
    }

    @Test
    void tumblingSumLikeW1() throws Exception {
        Map<String, List<String>> out = new CrashLoop(dir, 30_000, (events, sinks) ->
            sinks.accept("sums", events
                .keyBy(Event::key)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .reduce((a, b) -> new Event(a.index(), a.key(), a.type(), a.value() + b.value(), Math.max(a.timestamp(), b.timestamp())))
                .map(e -> e.key() + "=" + e.value())))
            .checkAgainstUninterrupted(1, 4);
        assertThat(out.get("sums")).hasSizeGreaterThan(1_000);
    }

    @Test
    void slidingWithLatenessLateOutputAndWindowState() throws Exception {
        Map<String, List<String>> out = new CrashLoop(dir, 20_000, (events, sinks) -> {
            DataStream<String> main = events
                .keyBy(e -> e.key() % 50)
                .window(SlidingEventTimeWindows.of(Duration.ofSeconds(2), Duration.ofMillis(500)))
                .allowedLateness(Duration.ofMillis(800))
                .sideOutputLateData(LATE)
                .aggregate(new SumCount(), new Describe<TimeWindow>(true));
            sinks.accept("windows", main);
            sinkLate(main, sinks);
        }).checkAgainstUninterrupted(2, 4);
        assertThat(out.get("windows")).anyMatch(s -> s.endsWith("#2")); // late firings happened
        assertThat(out.get("late")).isNotEmpty();
    }

    @Test
    void sessionsOnTheFastPathLikeW3() throws Exception {
        Map<String, List<String>> out = new CrashLoop(dir, 20_000, (events, sinks) -> {
            DataStream<String> main = events
                .keyBy(e -> e.key() % 200)
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(500)))
                .sideOutputLateData(LATE)
                .aggregate(new SumCount(), new Describe<TimeWindow>(false));
            sinks.accept("sessions", main);
            sinkLate(main, sinks);
        }).checkAgainstUninterrupted(3, 4);
        assertThat(out.get("sessions")).hasSizeGreaterThan(100);
    }

    @Test
    void sessionsWithLatenessMergeOnTheGeneralPath() throws Exception {
        Map<String, List<String>> out = new CrashLoop(dir, 20_000, (events, sinks) -> {
            DataStream<String> main = events
                .keyBy(e -> e.key() % 200)
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(300)))
                .allowedLateness(Duration.ofSeconds(1))
                .sideOutputLateData(LATE)
                .process(new ProcessWindowFunction<Event, String, Long, TimeWindow>() {
                    @Override
                    public void process(Long key, Context ctx, Iterable<Event> elements, Collector<String> o) {
                        long sum = 0;
                        StringBuilder indexes = new StringBuilder();
                        for (Event e : elements) {
                            sum += e.value();
                            indexes.append(e.index()).append(',');
                        }
                        o.collect(key + " " + ctx.window() + " " + sum + " [" + indexes + "]");
                    }
                });
            sinks.accept("sessions", main);
            sinkLate(main, sinks);
        }).checkAgainstUninterrupted(4, 4);
        assertThat(out.get("sessions")).hasSizeGreaterThan(100);
    }

    @Test
    void triggerStateOfCountAndPurgingTriggers() throws Exception {
        new CrashLoop(dir, 20_000, (events, sinks) -> {
            sinks.accept("counted", events
                .keyBy(e -> e.key() % 30)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(3)))
                .trigger(CountTrigger.of(7))
                .aggregate(new SumCount(), new Describe<TimeWindow>(true)));
            sinks.accept("global", events
                .keyBy(e -> e.key() % 30)
                .window(GlobalWindows.create())
                .trigger(PurgingTrigger.of(CountTrigger.of(11)))
                .aggregate(new SumCount(), new Describe<GlobalWindow>(false)));
        }).checkAgainstUninterrupted(5, 4);
    }

    @Test
    void evictorsCountWindowsAndTheDeltaTrigger() throws Exception {
        Map<String, List<String>> out = new CrashLoop(dir, 20_000, (events, sinks) -> {
            sinks.accept("sliding count", events
                .keyBy(e -> e.key() % 30)
                .countWindow(5, 3)
                .aggregate(new SumCount(), new Describe<GlobalWindow>(false)));
            sinks.accept("time evicted", events
                .keyBy(e -> e.key() % 30)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(3)))
                .evictor(TimeEvictor.of(Duration.ofMillis(1_500)))
                .aggregate(new SumCount(), new Describe<TimeWindow>(true)));
            sinks.accept("delta", events
                .keyBy(e -> e.key() % 30)
                .window(GlobalWindows.create())
                .trigger(DeltaTrigger.of(60.0, (Event a, Event b) -> Math.abs(b.value() - a.value())))
                .evictor(CountEvictor.of(4, true))
                .aggregate(new SumCount(), new Describe<GlobalWindow>(false)));
        }).checkAgainstUninterrupted(5, 4);
        assertThat(out.get("sliding count")).hasSizeGreaterThan(5_000);
        assertThat(out.get("time evicted")).hasSizeGreaterThan(1_000);
        assertThat(out.get("delta")).hasSizeGreaterThan(1_000);
    }

    @Test
    void slidingWindowsAtParallelismTwoRestoredAtThree() throws Exception {
        Map<String, List<String>> out = new CrashLoop(dir, 20_000, (events, sinks) -> {
            DataStream<String> main = events
                .keyBy(e -> e.key() % 50)
                .window(SlidingEventTimeWindows.of(Duration.ofSeconds(2), Duration.ofMillis(500)))
                .allowedLateness(Duration.ofMillis(800))
                .sideOutputLateData(LATE)
                .aggregate(new SumCount(), new Describe<TimeWindow>(true));
            sinks.accept("windows", main);
            sinkLate(main, sinks);
        }).checkAgainstUninterrupted(6, 3, 2, 3);
        assertThat(out.get("windows")).anyMatch(s -> s.endsWith("#2"));
    }

    @Test
    void sessionsAtParallelismThreeRestoredAtTwo() throws Exception {
        new CrashLoop(dir, 20_000, (events, sinks) -> {
            sinks.accept("fast", events
                .keyBy(e -> e.key() % 200)
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(500)))
                .aggregate(new SumCount(), new Describe<TimeWindow>(false)));
            sinks.accept("general", events
                .keyBy(e -> e.key() % 100)
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(300)))
                .allowedLateness(Duration.ofSeconds(1))
                .aggregate(new SumCount(), new Describe<TimeWindow>(false)));
        }).checkAgainstUninterrupted(7, 3, 3, 2);
    }
}
