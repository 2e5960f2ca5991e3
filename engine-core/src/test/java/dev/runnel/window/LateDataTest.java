package dev.runnel.window;

import static dev.runnel.window.WindowTestSupport.ev;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.DataStream;
import dev.runnel.api.JobResult;
import dev.runnel.api.OutputTag;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.ProcessWindowFunction;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.windowing.EventTimeSessionWindows;
import dev.runnel.api.windowing.SlidingEventTimeWindows;
import dev.runnel.api.windowing.TimeWindow;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.window.WindowTestSupport.Describe;
import dev.runnel.window.WindowTestSupport.Ev;
import dev.runnel.window.WindowTestSupport.ListElements;
import dev.runnel.window.WindowTestSupport.Sum;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Late elements: which windows they still reach, late firings, the side output and the drop counter.
 * Tumbling and sliding cases run on both operators: the sliced fast path (default trigger) and the
 * general per-window path ({@code general = true}), with the same expected output.
 */
class LateDataTest {
    private static final OutputTag<Ev> LATE = OutputTag.of("late", Ev.class);

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    private static <W extends dev.runnel.api.windowing.Window> dev.runnel.api.WindowedStream<Ev, String, W> path(
            dev.runnel.api.WindowedStream<Ev, String, W> windowed, boolean general) {
        return general ? windowed.trigger(new WindowTestSupport.GeneralPathTrigger()) : windowed;
    }

    /** Runs the windowed job; returns main output and late side output. */
    private record Outputs(List<String> main, List<String> late, JobResult result) {}

    private static Outputs run(ScriptedSource<Ev> script, java.util.function.Function<DataStream<Ev>, DataStream<String>> job) {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<String> out = job.apply(env.fromSource(script, WatermarkStrategy.noWatermarks(), "s")).name("windows");
        CollectSink<String> main = new CollectSink<>();
        CollectSink<Ev> late = new CollectSink<>();
        out.addSink(main);
        out.getSideOutput(LATE).addSink(late);
        JobResult result = env.execute();
        return new Outputs(main.values(), late.timestamped().stream().map(Object::toString).toList(), result);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void slidingElementLateForSomeWindowsReachesOnlyTheOpenOnesAndIsNotSideOutput(boolean general) {
        // windows of size 10 every 5; an element at 8 belongs to [0,10) and [5,15)
        Outputs out = run(ScriptedSource.<Ev>create()
                .event(ev("k", 1, 1), 1)
                .watermark(12)                    // fires [-5,5) and [0,10)
                .event(ev("k", 8, 2), 8)          // [0,10) has fired: only [5,15) gets it
                .event(ev("k", 3, 4), 3)          // [-5,5) and [0,10) both fired: late, side output once
                .watermark(100),
            s -> path(s.keyBy(Ev::key).window(SlidingEventTimeWindows.of(ms(10), ms(5))), general).sideOutputLateData(LATE)
                .process(new ListElements()));
        assertThat(out.main()).containsExactly("k [-5,5) 1", "k [0,10) 1", "k [5,15) 2");
        assertThat(out.late()).containsExactly("k:4@3");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void slidingWithLatenessRefiresEachLateWindowOnceAndSideOutputsOnlyElementsLateForAll(boolean general) {
        Outputs out = run(ScriptedSource.<Ev>create()
                .event(ev("k", 1, 1), 1).event(ev("k", 6, 2), 6)
                .watermark(14)                    // fires [-5,5)=1, [0,10)=3, [5,15)=2
                .event(ev("k", 7, 4), 7)          // within lateness 5 for [0,10) (cleanup 14 <= 14: no!) and [5,15)
                .watermark(19)                    // [5,15) cleaned up at 14 + 5 = 19
                .event(ev("k", 9, 8), 9)          // too late for [0,10) and [5,15): side output
                .event(ev("k", 12, 16), 12)       // [5,15) gone, [10,20) still open: counted there only
                .watermark(100),
            s -> path(s.keyBy(Ev::key).window(SlidingEventTimeWindows.of(ms(10), ms(5))), general).allowedLateness(ms(5))
                .sideOutputLateData(LATE).aggregate(new Sum(), new Describe<>()));
        // [0,10) was cleaned up at 9 + 5 = 14 when watermark 14 arrived: the element at 7 only refires [5,15)
        assertThat(out.main()).containsExactly(
            "k [-5,5) 1", "k [0,10) 3", "k [5,15) 2",
            "k [5,15) 6",
            "k [10,20) 16");
        assertThat(out.late()).containsExactly("k:8@9");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void everyLateElementWithinLatenessFiresTheFullUpdatedResultUntilCleanup(boolean general) {
        Outputs out = run(ScriptedSource.<Ev>create()
                .event(ev("k", 1, 1), 1)
                .watermark(9)                     // on time: 1
                .event(ev("k", 2, 2), 2)          // late firing: 3
                .event(ev("k", 3, 4), 3)          // late firing: 7
                .watermark(15)
                .event(ev("k", 4, 8), 4)          // late firing: 15 (cleanup is at 9 + 10 = 19)
                .watermark(19)                    // state dropped
                .event(ev("k", 5, 16), 5)         // too late
                .watermark(100),
            s -> path(s.keyBy(Ev::key).window(TumblingEventTimeWindows.of(ms(10))), general).allowedLateness(ms(10))
                .sideOutputLateData(LATE).aggregate(new Sum(), new Describe<>()));
        assertThat(out.main()).containsExactly("k [0,10) 1", "k [0,10) 3", "k [0,10) 7", "k [0,10) 15");
        assertThat(out.late()).containsExactly("k:16@5");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void lateFiringsCarryTheWindowMaxTimestamp(boolean general) {
        StreamEnvironment env = StreamEnvironment.create();
        CollectSink<Long> sink = new CollectSink<>();
        var keyed = env.fromSource(ScriptedSource.<Ev>create().event(ev("k", 1, 1), 1).watermark(50).event(ev("k", 2, 2), 2),
                WatermarkStrategy.noWatermarks(), "s").keyBy(Ev::key);
        path(keyed.window(TumblingEventTimeWindows.of(ms(10))), general).allowedLateness(ms(100))
            .aggregate(new Sum()).addSink(sink);
        env.execute();
        assertThat(sink.timestamped()).extracting(Object::toString).containsExactly("1@9", "3@9");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void tooLateElementsWithoutSideOutputAreCountedAndEmptyWindowsFireLate(boolean general) {
        Outputs out = run(ScriptedSource.<Ev>create()
                .event(ev("a", 1, 1), 1).watermark(30)
                .event(ev("a", 2, 2), 2)          // [0,10) cleaned at 9 + 5
                .event(ev("b", 22, 4), 22)        // [20,30) never had elements, within lateness: late firing
                .watermark(100),
            s -> path(s.keyBy(Ev::key).window(TumblingEventTimeWindows.of(ms(10))), general).allowedLateness(ms(5))
                .aggregate(new Sum(), new Describe<>()));
        assertThat(out.main()).containsExactly("a [0,10) 1", "b [20,30) 4");
        assertThat(out.late()).isEmpty();
        assertThat(out.result().operator("windows").get(0).lateRecordsDropped).isEqualTo(1);
    }

    @Test
    void lateSessionElementWithinLatenessExtendsTheFiredSessionAndRefiresIt() {
        Outputs out = run(ScriptedSource.<Ev>create()
                .event(ev("u", 0, 1), 0).event(ev("u", 2, 2), 2)   // [0,7)
                .watermark(10)                                      // fires [0,7)
                .event(ev("u", 4, 4), 4)                            // [4,9) merges: [0,9) fires at once with all three
                .watermark(30)                                      // [0,9) cleaned up at 8 + 10 = 18
                .event(ev("u", 6, 8), 6)                            // [6,11) is past 10 + 10 = 20: side output
                .watermark(100),
            s -> s.keyBy(Ev::key).window(EventTimeSessionWindows.withGap(ms(5))).allowedLateness(ms(10))
                .sideOutputLateData(LATE).process(new ListElements()));
        assertThat(out.main()).containsExactly("u [0,7) 1,2", "u [0,9) 1,2,4");
        assertThat(out.late()).containsExactly("u:8@6");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void endOfInputDoesNotRepeatALateFiring(boolean general) {
        Outputs out = run(ScriptedSource.<Ev>create()
                .event(ev("k", 1, 1), 1).watermark(10).event(ev("k", 2, 2), 2),   // on-time 1, late firing 3
            s -> path(s.keyBy(Ev::key).window(TumblingEventTimeWindows.of(ms(10))), general).allowedLateness(ms(1000))
                .aggregate(new Sum(), new Describe<>()));
        assertThat(out.main()).containsExactly("k [0,10) 1", "k [0,10) 3");
    }

    @Test
    void windowAllSendsLateElementsToTheSideOutput() {
        Outputs out = run(ScriptedSource.<Ev>create()
                .event(ev("a", 1, 1), 1).event(ev("b", 5, 2), 5).watermark(20)
                .event(ev("c", 3, 4), 3).event(ev("d", 25, 8), 25),
            s -> s.windowAll(TumblingEventTimeWindows.of(ms(10))).sideOutputLateData(LATE)
                .apply((TimeWindow w, Iterable<Ev> in, Collector<String> c) -> {
                    StringBuilder keys = new StringBuilder();
                    in.forEach(e -> keys.append(e.key()));
                    c.collect(w.getStart() + " " + keys);
                }));
        assertThat(out.main()).containsExactly("0 ab", "20 d");
        assertThat(out.late()).containsExactly("c:4@3");
    }

    private static final OutputTag<String> CLEARED = OutputTag.of("cleared", String.class);

    /** Counts firings in per-window state; reports each window's clear() (at cleanup) to a side output. */
    static final class FiringsAndClears extends ProcessWindowFunction<Ev, String, String, TimeWindow> {
        private final ValueStateDescriptor<Integer> firings = new ValueStateDescriptor<>("firings", Integer.class);

        @Override
        public void process(String key, Context ctx, Iterable<Ev> elements, Collector<String> out) {
            ValueState<Integer> f = ctx.windowState().getState(firings);
            f.update(f.value() == null ? 1 : f.value() + 1);
            int sum = 0;
            for (Ev e : elements) {
                sum += e.value();
            }
            out.collect(ctx.window().getStart() + ": sum=" + sum + " firing=" + f.value());
        }

        @Override
        public void clear(Context ctx) {
            ValueState<Integer> f = ctx.windowState().getState(firings);
            ctx.output(CLEARED, ctx.window().getStart() + " after " + f.value());
            f.clear();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void slidingWindowStateLivesAcrossLateFiringsAndIsClearedAtCleanup(boolean general) {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<String> out = path(env.fromSource(ScriptedSource.<Ev>create()
                    .event(ev("k", 1, 1), 1)
                    .watermark(10)                // fires [-5,5) and [0,10)
                    .event(ev("k", 3, 2), 3)      // late firings of both
                    .watermark(24)                // [-5,5) cleaned up at 4 + 20
                    .event(ev("k", 4, 4), 4)      // too late for [-5,5), refires [0,10)
                    .watermark(100),
                WatermarkStrategy.noWatermarks(), "s")
            .keyBy(Ev::key).window(SlidingEventTimeWindows.of(ms(10), ms(5))), general)
            .allowedLateness(ms(20)).process(new FiringsAndClears());
        CollectSink<String> main = new CollectSink<>();
        CollectSink<String> cleared = new CollectSink<>();
        out.addSink(main);
        out.getSideOutput(CLEARED).addSink(cleared);
        env.execute();
        assertThat(main.values()).containsExactly(
            "-5: sum=1 firing=1", "0: sum=1 firing=1",
            "0: sum=3 firing=2", "-5: sum=3 firing=2",   // late firings: latest window first, as in Flink
            "0: sum=7 firing=3");
        assertThat(cleared.values()).containsExactly("-5 after 2", "0 after 3");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void hoppingWindowsSmallerThanTheSlideSkipGapsAndJudgeGapElementsByTheirOwnTimestamp(boolean general) {
        // windows of 5 every 10: [0,5), [10,15), ...; 5..9 is a gap
        Outputs out = run(ScriptedSource.<Ev>create()
                .event(ev("k", 2, 1), 2).event(ev("k", 7, 2), 7)     // 7 is in no window: ignored
                .watermark(5)                                        // fires [0,5)
                .event(ev("k", 6, 4), 6)                             // in the gap, not behind the watermark: ignored, not late
                .event(ev("k", 12, 8), 12)
                .watermark(20)
                .event(ev("k", 8, 16), 8)                            // in the gap and behind the watermark: late, as in Flink
                .watermark(100),
            s -> path(s.keyBy(Ev::key).window(SlidingEventTimeWindows.of(ms(5), ms(10))), general)
                .sideOutputLateData(LATE).aggregate(new Sum(), new Describe<>()));
        assertThat(out.main()).containsExactly("k [0,5) 1", "k [10,15) 8");
        assertThat(out.late()).containsExactly("k:16@8");
    }
}
