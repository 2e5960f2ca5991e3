package dev.runnel.window;

import static dev.runnel.window.WindowTestSupport.ev;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.DataStream;
import dev.runnel.api.JobResult;
import dev.runnel.api.OutputTag;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.Collector;
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

/** Late elements: which windows they still reach, late firings, the side output and the drop counter. */
class LateDataTest {
    private static final OutputTag<Ev> LATE = OutputTag.of("late", Ev.class);

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
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

    @Test
    void slidingElementLateForSomeWindowsReachesOnlyTheOpenOnesAndIsNotSideOutput() {
        // windows of size 10 every 5; an element at 8 belongs to [0,10) and [5,15)
        Outputs out = run(ScriptedSource.<Ev>create()
                .event(ev("k", 1, 1), 1)
                .watermark(12)                    // fires [-5,5) and [0,10)
                .event(ev("k", 8, 2), 8)          // [0,10) has fired: only [5,15) gets it
                .event(ev("k", 3, 4), 3)          // [-5,5) and [0,10) both fired: late, side output once
                .watermark(100),
            s -> s.keyBy(Ev::key).window(SlidingEventTimeWindows.of(ms(10), ms(5))).sideOutputLateData(LATE)
                .process(new ListElements()));
        assertThat(out.main()).containsExactly("k [-5,5) 1", "k [0,10) 1", "k [5,15) 2");
        assertThat(out.late()).containsExactly("k:4@3");
    }

    @Test
    void slidingWithLatenessRefiresEachLateWindowOnceAndSideOutputsOnlyElementsLateForAll() {
        Outputs out = run(ScriptedSource.<Ev>create()
                .event(ev("k", 1, 1), 1).event(ev("k", 6, 2), 6)
                .watermark(14)                    // fires [-5,5)=1, [0,10)=3, [5,15)=2
                .event(ev("k", 7, 4), 7)          // within lateness 5 for [0,10) (cleanup 14 <= 14: no!) and [5,15)
                .watermark(19)                    // [5,15) cleaned up at 14 + 5 = 19
                .event(ev("k", 9, 8), 9)          // too late for [0,10) and [5,15): side output
                .event(ev("k", 12, 16), 12)       // [5,15) gone, [10,20) still open: counted there only
                .watermark(100),
            s -> s.keyBy(Ev::key).window(SlidingEventTimeWindows.of(ms(10), ms(5))).allowedLateness(ms(5))
                .sideOutputLateData(LATE).aggregate(new Sum(), new Describe<>()));
        // [0,10) was cleaned up at 9 + 5 = 14 when watermark 14 arrived: the element at 7 only refires [5,15)
        assertThat(out.main()).containsExactly(
            "k [-5,5) 1", "k [0,10) 3", "k [5,15) 2",
            "k [5,15) 6",
            "k [10,20) 16");
        assertThat(out.late()).containsExactly("k:8@9");
    }

    @Test
    void everyLateElementWithinLatenessFiresTheFullUpdatedResultUntilCleanup() {
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
            s -> s.keyBy(Ev::key).window(TumblingEventTimeWindows.of(ms(10))).allowedLateness(ms(10))
                .sideOutputLateData(LATE).aggregate(new Sum(), new Describe<>()));
        assertThat(out.main()).containsExactly("k [0,10) 1", "k [0,10) 3", "k [0,10) 7", "k [0,10) 15");
        assertThat(out.late()).containsExactly("k:16@5");
    }

    @Test
    void lateFiringsCarryTheWindowMaxTimestamp() {
        StreamEnvironment env = StreamEnvironment.create();
        CollectSink<Long> sink = new CollectSink<>();
        env.fromSource(ScriptedSource.<Ev>create().event(ev("k", 1, 1), 1).watermark(50).event(ev("k", 2, 2), 2),
                WatermarkStrategy.noWatermarks(), "s")
            .keyBy(Ev::key).window(TumblingEventTimeWindows.of(ms(10))).allowedLateness(ms(100))
            .aggregate(new Sum()).addSink(sink);
        env.execute();
        assertThat(sink.timestamped()).extracting(Object::toString).containsExactly("1@9", "3@9");
    }

    @Test
    void tooLateElementsAreCountedOnTheGeneralPathToo() {
        Outputs out = run(ScriptedSource.<Ev>create()
                .event(ev("a", 1, 1), 1).watermark(30)
                .event(ev("a", 2, 2), 2)          // [0,10) cleaned at 9 + 5
                .event(ev("b", 22, 4), 22)        // [20,30) never had elements, within lateness: late firing
                .watermark(100),
            s -> s.keyBy(Ev::key).window(TumblingEventTimeWindows.of(ms(10))).allowedLateness(ms(5))
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

    @Test
    void endOfInputDoesNotRepeatALateFiring() {
        Outputs out = run(ScriptedSource.<Ev>create()
                .event(ev("k", 1, 1), 1).watermark(10).event(ev("k", 2, 2), 2),   // on-time 1, late firing 3
            s -> s.keyBy(Ev::key).window(TumblingEventTimeWindows.of(ms(10))).allowedLateness(ms(1000))
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
}
