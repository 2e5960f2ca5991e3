package dev.runnel.window;

import static dev.runnel.window.WindowTestSupport.ev;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.ProcessWindowFunction;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.ManualClock;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.windowing.ContinuousEventTimeTrigger;
import dev.runnel.api.windowing.CountTrigger;
import dev.runnel.api.windowing.EventTimeSessionWindows;
import dev.runnel.api.windowing.GlobalWindow;
import dev.runnel.api.windowing.GlobalWindows;
import dev.runnel.api.windowing.ProcessingTimeSessionWindows;
import dev.runnel.api.windowing.SlidingProcessingTimeWindows;
import dev.runnel.api.windowing.TimeWindow;
import dev.runnel.api.windowing.Trigger;
import dev.runnel.api.windowing.TriggerResult;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.api.windowing.TumblingProcessingTimeWindows;
import dev.runnel.window.WindowTestSupport.Describe;
import dev.runnel.window.WindowTestSupport.Ev;
import dev.runnel.window.WindowTestSupport.ListElements;
import dev.runnel.window.WindowTestSupport.Sum;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Session merging with each kind of contents, trigger results and timers, and definition-time validation. */
class SessionAndTriggerTest {

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    private static ScriptedSource<Ev> script() {
        return ScriptedSource.create();
    }

    private static StreamEnvironment env() {
        return StreamEnvironment.create();
    }

    @Test
    void oneElementBridgingThreeSessionsMergesTheirAccumulators() {
        List<String> out = env().fromSource(script()
                    .event(ev("u", 0, 1), 0).event(ev("u", 20, 2), 20).event(ev("u", 40, 4), 40)  // three sessions
                    .event(ev("u", 10, 8), 10)     // [10,20) meets [0,10) and [20,30)
                    .event(ev("u", 30, 16), 30)    // [30,40) meets [0,30) and [40,50)
                    .event(ev("u", 70, 32), 70),
                WatermarkStrategy.noWatermarks(), "s")
            .keyBy(Ev::key).window(EventTimeSessionWindows.withGap(ms(10)))
            .aggregate(new Sum(), new Describe<>()).executeAndCollect();
        assertThat(out).containsExactly("u [0,50) 31", "u [70,80) 32");
    }

    @Test
    void sessionReduceKeepsOneValuePerSession() {
        List<Ev> out = env().fromSource(script()
                    .event(ev("u", 5, 1), 5).event(ev("u", 0, 2), 0).event(ev("u", 100, 4), 100).event(ev("v", 3, 8), 3),
                WatermarkStrategy.noWatermarks(), "s")
            .keyBy(Ev::key).window(EventTimeSessionWindows.withGap(ms(10)))
            .reduce((a, b) -> ev(a.key(), Math.min(a.ts(), b.ts()), a.value() + b.value())).executeAndCollect();
        assertThat(out).extracting(Object::toString).containsExactly("v:8", "u:3", "u:4"); // v ends first (12 < 14)
    }

    @Test
    void countTriggerOnSessionsAddsUpTheCountsOfMergedSessions() {
        List<String> out = env().fromSource(script()
                    .event(ev("u", 0, 1), 0).event(ev("u", 20, 2), 20)   // two sessions with one element each
                    .event(ev("u", 10, 4), 10)                           // merged: 3 elements reach the count
                    .event(ev("u", 12, 8), 12)
                    .watermark(1000),
                WatermarkStrategy.noWatermarks(), "s")
            .keyBy(Ev::key).window(EventTimeSessionWindows.withGap(ms(10))).trigger(CountTrigger.of(3))
            .process(new ListElements()).executeAndCollect();
        // CountTrigger replaces the event-time trigger: only the third element fires, the watermark does not;
        // merged contents keep window order, then the new element
        assertThat(out).containsExactly("u [0,30) 1,2,4");
    }

    /** Fires once a session holds three elements whose values add up to at least 7: needs list and aggregating state merged. */
    static final class ThreeElementsSummingToSeven extends Trigger<Ev, TimeWindow> {
        private final dev.runnel.api.state.ListStateDescriptor<Long> seen =
            new dev.runnel.api.state.ListStateDescriptor<>("seen", Long.class);
        private final dev.runnel.api.state.AggregatingStateDescriptor<Ev, long[], Long> sum =
            new dev.runnel.api.state.AggregatingStateDescriptor<>("sum", new Sum(), long[].class);

        @Override
        public TriggerResult onElement(Ev e, long ts, TimeWindow w, TriggerContext ctx) throws Exception {
            dev.runnel.api.state.ListState<Long> list = ctx.getPartitionedState(seen);
            dev.runnel.api.state.AggregatingState<Ev, Long> total = ctx.getPartitionedState(sum);
            list.add(ts);
            total.add(e);
            int n = 0;
            for (Long ignored : list.get()) {
                n++;
            }
            return n >= 3 && total.get() >= 7 ? TriggerResult.FIRE : TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, TimeWindow w, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, TimeWindow w, TriggerContext ctx) {
            return TriggerResult.CONTINUE;
        }

        @Override
        public boolean canMerge() {
            return true;
        }

        @Override
        public void onMerge(TimeWindow w, TriggerContext ctx) {
            // the operator has merged "seen" (concatenated) and "sum" (AggregateFunction.merge) already
        }

        @Override
        public void clear(TimeWindow w, TriggerContext ctx) throws Exception {
            ctx.getPartitionedState(seen).clear();
            ctx.getPartitionedState(sum).clear();
        }
    }

    @Test
    void listAndAggregatingTriggerStateMergeWithTheirSessions() {
        List<String> out = env().fromSource(script()
                    .event(ev("u", 0, 1), 0).event(ev("u", 20, 2), 20)   // two sessions: [0] sum 1, [20] sum 2
                    .event(ev("u", 10, 4), 10)                           // merged: [0,20,10], sum 7: fires
                    .watermark(1000),
                WatermarkStrategy.noWatermarks(), "s")
            .keyBy(Ev::key).window(EventTimeSessionWindows.withGap(ms(10))).trigger(new ThreeElementsSummingToSeven())
            .process(new ListElements()).executeAndCollect();
        assertThat(out).containsExactly("u [0,30) 1,2,4");
    }

    @Test
    void processingTimeSessionsMergeAndFireWhenTheClockPassesTheGap() {
        List<String> out = StreamEnvironment.create(new ManualClock(0)).fromSource(script()
                    .event(ev("k", 0, 1)).advanceProcessingTimeTo(40).event(ev("k", 0, 2))   // [0,50) and [40,90) merge
                    .advanceProcessingTimeTo(89)                                               // not yet
                    .advanceProcessingTimeTo(90)                                               // [0,90) ends
                    .event(ev("k", 0, 4)).advanceProcessingTimeTo(95),                        // pending at end of input
                WatermarkStrategy.noWatermarks(), "s")
            .keyBy(Ev::key).window(ProcessingTimeSessionWindows.withGap(ms(50)))
            .process(new ListElements()).executeAndCollect();
        assertThat(out).containsExactly("k [0,90) 1,2", "k [90,140) 4");
    }

    @Test
    void purgeWithoutFireDropsContentsAndTheWindowFiresLaterWithWhatCameAfter() {
        Trigger<Ev, TimeWindow> purgeOnZero = new Trigger<>() {
            @Override
            public TriggerResult onElement(Ev e, long ts, TimeWindow w, TriggerContext ctx) {
                ctx.registerEventTimeTimer(w.maxTimestamp());
                return e.value() == 0 ? TriggerResult.PURGE : TriggerResult.CONTINUE;
            }

            @Override
            public TriggerResult onEventTime(long time, TimeWindow w, TriggerContext ctx) {
                return time == w.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
            }

            @Override
            public TriggerResult onProcessingTime(long time, TimeWindow w, TriggerContext ctx) {
                return TriggerResult.CONTINUE;
            }

            @Override
            public void clear(TimeWindow w, TriggerContext ctx) {
                ctx.deleteEventTimeTimer(w.maxTimestamp());
            }
        };
        List<String> out = env().fromSource(script()
                    .event(ev("k", 1, 5), 1).event(ev("k", 2, 0), 2).event(ev("k", 3, 7), 3).event(ev("k", 4, 9), 4)
                    .event(ev("k", 15, 1), 15).event(ev("k", 16, 0), 16)   // [10,20) is purged and stays empty
                    .watermark(100),
                WatermarkStrategy.noWatermarks(), "s")
            .keyBy(Ev::key).window(TumblingEventTimeWindows.of(ms(10))).trigger(purgeOnZero)
            .process(new ListElements()).executeAndCollect();
        assertThat(out).containsExactly("k [0,10) 7,9");
    }

    /** Fires a window 100 ms of processing time after its first element: early results on event-time windows. */
    static final class ProcessingTimeoutTrigger extends Trigger<Object, TimeWindow> {
        private final dev.runnel.api.state.ValueStateDescriptor<Long> deadline =
            new dev.runnel.api.state.ValueStateDescriptor<>("deadline", Long.class);

        @Override
        public TriggerResult onElement(Object e, long ts, TimeWindow w, TriggerContext ctx) throws Exception {
            dev.runnel.api.state.ValueState<Long> d = ctx.getPartitionedState(deadline);
            if (d.value() == null) {
                d.update(ctx.getCurrentProcessingTime() + 100);
                ctx.registerProcessingTimeTimer(d.value());
            }
            ctx.registerEventTimeTimer(w.maxTimestamp());
            return TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onEventTime(long time, TimeWindow w, TriggerContext ctx) {
            return time == w.maxTimestamp() ? TriggerResult.FIRE : TriggerResult.CONTINUE;
        }

        @Override
        public TriggerResult onProcessingTime(long time, TimeWindow w, TriggerContext ctx) throws Exception {
            ctx.<dev.runnel.api.state.ValueState<Long>>getPartitionedState(deadline).clear();
            return TriggerResult.FIRE;
        }

        @Override
        public void clear(TimeWindow w, TriggerContext ctx) throws Exception {
            dev.runnel.api.state.ValueState<Long> d = ctx.getPartitionedState(deadline);
            if (d.value() != null) {
                ctx.deleteProcessingTimeTimer(d.value());
                d.clear();
            }
            ctx.deleteEventTimeTimer(w.maxTimestamp());
        }
    }

    @Test
    void customTriggerMixesProcessingTimeTimersIntoEventTimeWindows() {
        List<String> out = StreamEnvironment.create(new ManualClock(1_000)).fromSource(script()
                    .event(ev("k", 1, 1), 1).event(ev("k", 2, 2), 2)
                    .advanceProcessingTimeTo(1_100)             // early firing of [0,10)
                    .event(ev("k", 3, 4), 3)                    // new deadline 1_200
                    .watermark(9)                               // on-time firing; clear() deletes the 1_200 timer
                    .event(ev("k", 12, 8), 12)                  // deadline 1_200 for [10,20)
                    .advanceProcessingTimeTo(1_250),
                WatermarkStrategy.noWatermarks(), "s")
            .keyBy(Ev::key).window(TumblingEventTimeWindows.of(ms(10))).trigger(new ProcessingTimeoutTrigger())
            .process(new ListElements()).executeAndCollect();
        assertThat(out).containsExactly("k [0,10) 1,2", "k [0,10) 1,2,4", "k [10,20) 8", "k [10,20) 8");
    }

    @Test
    void countTriggerOnTimeWindowsFiresOnCountOnlyAndStateIsDroppedAtWindowEnd() {
        List<String> out = env().fromSource(script()
                    .event(ev("k", 1, 1), 1).event(ev("k", 2, 2), 2).event(ev("k", 3, 4), 3)
                    .watermark(9)                                // window dropped; its count too
                    .event(ev("k", 11, 8), 11).event(ev("k", 12, 16), 12)
                    .watermark(100),
                WatermarkStrategy.noWatermarks(), "s")
            .keyBy(Ev::key).window(TumblingEventTimeWindows.of(ms(10))).trigger(CountTrigger.of(2))
            .process(new ListElements()).executeAndCollect();
        assertThat(out).containsExactly("k [0,10) 1,2", "k [10,20) 8,16");
    }

    @Test
    void globalWindowsWithoutATriggerNeverFireNotEvenAtEndOfInput() {
        List<String> out = env().fromSource(script().event(ev("k", 1, 1), 1).watermark(100),
                WatermarkStrategy.noWatermarks(), "s")
            .keyBy(Ev::key).window(GlobalWindows.create())
            .process(new ProcessWindowFunction<Ev, String, String, GlobalWindow>() {
                @Override
                public void process(String key, Context ctx, Iterable<Ev> elements, Collector<String> c) {
                    c.collect(key);
                }
            }).executeAndCollect();
        assertThat(out).isEmpty();
    }

    @Test
    void processingTimeWindowsPendingAtEndOfInputFire() {
        List<String> out = StreamEnvironment.create(new ManualClock(5)).fromSource(script()
                    .event(ev("k", 0, 1)).advanceProcessingTimeTo(25).event(ev("k", 0, 2)),
                WatermarkStrategy.noWatermarks(), "s")
            .keyBy(Ev::key).window(TumblingProcessingTimeWindows.of(ms(20), ms(5)))
            .process(new ListElements()).executeAndCollect();
        // windows start at 5 + 20k: [5,25) fired at 24 <= 25; [25,45) is pending when input ends
        assertThat(out).containsExactly("k [5,25) 1", "k [25,45) 2");
    }

    @Test
    void continuousEventTimeTriggerFiresAtIntervalBoundariesAndOnceAtTheEnd() {
        List<String> out = env().fromSource(script()
                    .event(ev("k", 1, 1), 1)
                    .watermark(9)                  // no early firing yet: the first is at 0 + 10
                    .event(ev("k", 5, 2), 5)
                    .watermark(10)                 // early firing
                    .event(ev("k", 15, 4), 15)
                    .watermark(39),                // 20, 30, then the window end 39 (next would be 40: capped to 39)
                WatermarkStrategy.noWatermarks(), "s")
            .keyBy(Ev::key).window(TumblingEventTimeWindows.of(ms(40))).trigger(ContinuousEventTimeTrigger.of(ms(10)))
            .process(new ListElements()).executeAndCollect();
        assertThat(out).containsExactly("k [0,40) 1,2", "k [0,40) 1,2,4", "k [0,40) 1,2,4", "k [0,40) 1,2,4");
    }

    @Test
    void invalidDefinitionsFailWithAMessage() {
        assertThatThrownBy(() -> TumblingProcessingTimeWindows.of(ms(0))).hasMessageContaining("size must be positive");
        assertThatThrownBy(() -> TumblingProcessingTimeWindows.of(ms(10), ms(-10))).hasMessageContaining("|offset| < size");
        assertThatThrownBy(() -> SlidingProcessingTimeWindows.of(ms(10), ms(-1))).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> SlidingProcessingTimeWindows.of(ms(10), ms(4), ms(4))).hasMessageContaining("|offset| < slide");
        assertThatThrownBy(() -> ProcessingTimeSessionWindows.withGap(ms(0))).hasMessageContaining("gap must be positive");
        assertThatThrownBy(() -> CountTrigger.of(0)).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> ContinuousEventTimeTrigger.of(ms(0))).hasMessageContaining("must be positive");
        var keyed = env().fromElements(ev("k", 1, 1)).keyBy(Ev::key);
        assertThatThrownBy(() -> keyed.window(TumblingEventTimeWindows.of(ms(10))).allowedLateness(ms(-1)))
            .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> keyed.window(TumblingProcessingTimeWindows.of(ms(10))).allowedLateness(ms(5)))
            .hasMessageContaining("only applies to event-time windows");
        assertThatThrownBy(() -> env().fromElements(1).windowAll(TumblingProcessingTimeWindows.of(ms(10))).allowedLateness(ms(5)))
            .hasMessageContaining("only applies to event-time windows");
        Trigger<Object, TimeWindow> notMergeable = new Trigger<>() {
            @Override
            public TriggerResult onElement(Object e, long ts, TimeWindow w, TriggerContext ctx) {
                return TriggerResult.CONTINUE;
            }

            @Override
            public TriggerResult onEventTime(long time, TimeWindow w, TriggerContext ctx) {
                return TriggerResult.CONTINUE;
            }

            @Override
            public TriggerResult onProcessingTime(long time, TimeWindow w, TriggerContext ctx) {
                return TriggerResult.CONTINUE;
            }
        };
        assertThatThrownBy(() -> keyed.window(EventTimeSessionWindows.withGap(ms(5))).trigger(notMergeable))
            .hasMessageContaining("cannot be used with merging (session) windows");
    }
}
