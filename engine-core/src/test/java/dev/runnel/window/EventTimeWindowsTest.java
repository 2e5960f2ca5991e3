package dev.runnel.window;

import static dev.runnel.window.WindowTestSupport.ev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.DataStream;
import dev.runnel.api.JobResult;
import dev.runnel.api.OutputTag;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.windowing.EventTimeSessionWindows;
import dev.runnel.api.windowing.SlidingEventTimeWindows;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.window.WindowTestSupport.Describe;
import dev.runnel.window.WindowTestSupport.Ev;
import dev.runnel.window.WindowTestSupport.ListElements;
import dev.runnel.window.WindowTestSupport.Sum;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTimeWindowsTest {

    private static DataStream<Ev> source(StreamEnvironment env, ScriptedSource<Ev> script) {
        return env.fromSource(script, WatermarkStrategy.noWatermarks(), "script");
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void tumblingAggregateFiresWhenWatermarkReachesMaxTimestamp() {
        StreamEnvironment env = StreamEnvironment.create();
        CollectSink<String> sink = new CollectSink<>();
        source(env, ScriptedSource.<Ev>create()
                .event(ev("a", 1, 1), 1).event(ev("a", 9, 2), 9).event(ev("b", 5, 10), 5)
                .event(ev("a", 10, 4), 10)
                .watermark(8)      // nothing: window [0,10) has maxTimestamp 9
                .watermark(9)      // fires [0,10) for a and b
                .event(ev("a", 12, 8), 12))
            .keyBy(Ev::key)
            .window(TumblingEventTimeWindows.of(ms(10)))
            .aggregate(new Sum(), new Describe<>())
            .addSink(sink);
        env.execute();
        assertThat(sink.timestamped()).extracting(Object::toString).containsExactly(
            "a [0,10) 3@9", "b [0,10) 10@9", "a [10,20) 12@19");
    }

    @Test
    void tumblingWithOffsetAndNegativeTimestamps() {
        StreamEnvironment env = StreamEnvironment.create();
        List<String> out = source(env, ScriptedSource.<Ev>create()
                .event(ev("a", -7, 1), -7).event(ev("a", -3, 2), -3).event(ev("a", 2, 4), 2).event(ev("a", 3, 8), 3))
            .keyBy(Ev::key)
            .window(TumblingEventTimeWindows.of(ms(5), ms(3)))
            .process(new ListElements())
            .executeAndCollect();
        // windows start at 3 + 5k: [-7,-2) [-2,3) [3,8)
        assertThat(out).containsExactly("a [-7,-2) 1,2", "a [-2,3) 4", "a [3,8) 8");
    }

    @Test
    void slidingWindowsShareSlicesAndEmitEveryOverlap() {
        StreamEnvironment env = StreamEnvironment.create();
        List<String> out = source(env, ScriptedSource.<Ev>create()
                .event(ev("k", 1, 1), 1).event(ev("k", 6, 2), 6).event(ev("k", 12, 4), 12).watermark(30))
            .keyBy(Ev::key)
            .window(SlidingEventTimeWindows.of(ms(10), ms(5)))
            .process(new ListElements())
            .executeAndCollect();
        assertThat(out).containsExactly("k [-5,5) 1", "k [0,10) 1,2", "k [5,15) 2,4", "k [10,20) 4");
    }

    @Test
    void slidingReduceWithSizeNotMultipleOfSlide() {
        StreamEnvironment env = StreamEnvironment.create();
        List<Ev> out = source(env, ScriptedSource.<Ev>create()
                .event(ev("k", 0, 1), 0).event(ev("k", 4, 2), 4).event(ev("k", 7, 4), 7).watermark(100))
            .keyBy(Ev::key)
            .window(SlidingEventTimeWindows.of(ms(6), ms(4)))
            .reduce((a, b) -> ev(a.key(), a.ts(), a.value() + b.value()))
            .executeAndCollect();
        // windows [-4,2) [0,6) [4,10)
        assertThat(out).extracting(Ev::value).containsExactly(1, 3, 6);
    }

    @Test
    void lateElementsWithinLatenessRefireAndTooLateOnesGoToSideOutputOnce() {
        StreamEnvironment env = StreamEnvironment.create();
        OutputTag<Ev> lateTag = OutputTag.of("late", Ev.class);
        DataStream<String> result = source(env, ScriptedSource.<Ev>create()
                .event(ev("a", 1, 1), 1).event(ev("a", 3, 2), 3)
                .watermark(10)                  // fires [0,10): 3
                .event(ev("a", 5, 4), 5)        // late, within lateness 5: fires again with 7
                .event(ev("a", 25, 100), 25)
                .event(ev("a", 12, 8), 12)      // [10,20) never had elements: fires as a late firing
                .watermark(14)                  // [0,10) cleaned up at 9 + 5
                .event(ev("a", 6, 16), 6)       // too late for its only window: side output
                .watermark(40))
            .keyBy(Ev::key)
            .window(TumblingEventTimeWindows.of(ms(10)))
            .allowedLateness(ms(5))
            .sideOutputLateData(lateTag)
            .aggregate(new Sum(), new Describe<>());
        CollectSink<String> main = new CollectSink<>();
        CollectSink<Ev> late = new CollectSink<>();
        result.addSink(main);
        result.getSideOutput(lateTag).addSink(late);
        env.execute();
        assertThat(main.values()).containsExactly("a [0,10) 3", "a [0,10) 7", "a [10,20) 8", "a [20,30) 100");
        assertThat(late.timestamped()).extracting(Object::toString).containsExactly("a:16@6");
    }

    @Test
    void tooLateElementsWithoutSideOutputAreDroppedAndCounted() {
        StreamEnvironment env = StreamEnvironment.create();
        CollectSink<Long> sink = new CollectSink<>();
        source(env, ScriptedSource.<Ev>create()
                .event(ev("a", 1, 1), 1).watermark(20).event(ev("a", 2, 2), 2).event(ev("a", 3, 4), 3))
            .keyBy(Ev::key)
            .window(TumblingEventTimeWindows.of(ms(10)))
            .aggregate(new Sum()).name("sums")
            .addSink(sink);
        JobResult result = env.execute();
        assertThat(sink.values()).containsExactly(1L);
        assertThat(result.lateRecordsDropped()).isEqualTo(2);
        assertThat(result.operator("sums").get(0).lateRecordsDropped).isEqualTo(2);
    }

    @Test
    void sessionsMergeAndTouchingSessionsMerge() {
        StreamEnvironment env = StreamEnvironment.create();
        List<String> out = source(env, ScriptedSource.<Ev>create()
                .event(ev("u", 0, 1), 0).event(ev("u", 3, 2), 3)     // [0,8)
                .event(ev("u", 8, 4), 8)                              // [8,13) touches [0,8): one session [0,13)
                .event(ev("u", 30, 8), 30)                            // separate [30,35)
                .event(ev("v", 1, 16), 1)
                .watermark(100))
            .keyBy(Ev::key)
            .window(EventTimeSessionWindows.withGap(ms(5)))
            .process(new ListElements())
            .executeAndCollect();
        // fired in order of window end: v's session ends first
        assertThat(out).containsExactly("v [1,6) 16", "u [0,13) 1,2,4", "u [30,35) 8");
    }

    @Test
    void lateElementBridgingTwoFiredSessionsFiresOneMergedSession() {
        StreamEnvironment env = StreamEnvironment.create();
        List<String> out = source(env, ScriptedSource.<Ev>create()
                .event(ev("u", 0, 1), 0)          // [0,5)
                .event(ev("u", 10, 2), 10)        // [10,15)
                .watermark(20)                    // both fire
                .event(ev("u", 5, 4), 5)          // [5,10) touches both: merged [0,15) fires at once with all three
                .watermark(100))
            .keyBy(Ev::key)
            .window(EventTimeSessionWindows.withGap(ms(5)))
            .allowedLateness(ms(20))         // both sessions are kept until 24 and 34
            .process(new ListElements())
            .executeAndCollect();
        assertThat(out).containsExactly("u [0,5) 1", "u [10,15) 2", "u [0,15) 1,2,4");
    }

    @Test
    void sessionLatenessIsJudgedOnTheMergedWindow() {
        StreamEnvironment env = StreamEnvironment.create();
        OutputTag<Ev> lateTag = OutputTag.of("late", Ev.class);
        DataStream<String> out = source(env, ScriptedSource.<Ev>create()
                .event(ev("u", 20, 1), 20)        // [20,25)
                .watermark(22)
                .event(ev("u", 16, 2), 16)        // its own window [16,21) ended (20 <= 22), but it merges into [16,25): accepted
                .event(ev("u", 2, 4), 2)          // [2,7) is late and meets nothing: side output
                .watermark(100))
            .keyBy(Ev::key)
            .window(EventTimeSessionWindows.withGap(ms(5)))
            .sideOutputLateData(lateTag)
            .process(new ListElements());
        CollectSink<String> main = new CollectSink<>();
        CollectSink<Ev> late = new CollectSink<>();
        out.addSink(main);
        out.getSideOutput(lateTag).addSink(late);
        env.execute();
        assertThat(main.values()).containsExactly("u [16,25) 1,2");
        assertThat(late.values()).extracting(Ev::value).containsExactly(4);
    }

    @Test
    void endOfInputFiresPendingWindowsButNotAlreadyFiredOnesAgain() {
        StreamEnvironment env = StreamEnvironment.create();
        List<String> out = source(env, ScriptedSource.<Ev>create()
                .event(ev("a", 1, 1), 1).watermark(10)     // fires [0,10), kept for lateness
                .event(ev("a", 15, 2), 15))                // pending: fires at the final watermark
            .keyBy(Ev::key)
            .window(TumblingEventTimeWindows.of(ms(10)))
            .allowedLateness(Duration.ofHours(1))
            .aggregate(new Sum(), new Describe<>())
            .executeAndCollect();
        assertThat(out).containsExactly("a [0,10) 1", "a [10,20) 2");
    }

    @Test
    void windowAllSeesEveryKey() {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
        List<Long> out = source(env, ScriptedSource.<Ev>create()
                .event(ev("a", 1, 1), 1).event(ev("b", 2, 2), 2).event(ev("c", 12, 4), 12))
            .windowAll(TumblingEventTimeWindows.of(ms(10)))
            .aggregate(new Sum())
            .executeAndCollect();
        assertThat(out).containsExactly(3L, 4L);
    }

    @Test
    void invalidAssignersFailWhenDefined() {
        assertThatThrownBy(() -> TumblingEventTimeWindows.of(Duration.ZERO)).hasMessageContaining("size must be positive");
        assertThatThrownBy(() -> TumblingEventTimeWindows.of(ms(10), ms(10))).hasMessageContaining("|offset| < size");
        assertThatThrownBy(() -> SlidingEventTimeWindows.of(ms(10), ms(0))).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> SlidingEventTimeWindows.of(ms(10), ms(5), ms(-5))).hasMessageContaining("|offset| < slide");
        assertThatThrownBy(() -> EventTimeSessionWindows.withGap(ms(-1))).hasMessageContaining("gap must be positive");
    }
}
