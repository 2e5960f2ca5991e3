package dev.runnel.window;

import static dev.runnel.window.WindowTestSupport.ev;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.DataStream;
import dev.runnel.api.OutputTag;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.ProcessWindowFunction;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import dev.runnel.api.time.ManualClock;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.windowing.ContinuousEventTimeTrigger;
import dev.runnel.api.windowing.CountTrigger;
import dev.runnel.api.windowing.GlobalWindow;
import dev.runnel.api.windowing.GlobalWindows;
import dev.runnel.api.windowing.ProcessingTimeSessionWindows;
import dev.runnel.api.windowing.PurgingTrigger;
import dev.runnel.api.windowing.SlidingProcessingTimeWindows;
import dev.runnel.api.windowing.TimeWindow;
import dev.runnel.api.windowing.Trigger;
import dev.runnel.api.windowing.TriggerResult;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.api.windowing.TumblingProcessingTimeWindows;
import dev.runnel.window.WindowTestSupport.Ev;
import dev.runnel.window.WindowTestSupport.ListElements;
import dev.runnel.window.WindowTestSupport.Sum;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriggersAndProcessingTimeTest {

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    /** Lists a global window's values. */
    static final class GlobalList extends ProcessWindowFunction<Ev, String, String, GlobalWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<Ev> elements, Collector<String> out) {
            List<String> vs = new ArrayList<>();
            elements.forEach(e -> vs.add(Integer.toString(e.value())));
            out.collect(key + " " + String.join(",", vs));
        }
    }

    @Test
    void countTriggerOnGlobalWindowsFiresEveryNElementsAndKeepsContents() {
        StreamEnvironment env = StreamEnvironment.create();
        ScriptedSource<Ev> script = ScriptedSource.create();
        for (int i = 1; i <= 5; i++) {
            script.event(ev("k", i, i), i);
        }
        List<String> out = env.fromSource(script, WatermarkStrategy.noWatermarks(), "s")
            .keyBy(Ev::key).window(GlobalWindows.create()).trigger(CountTrigger.of(2))
            .process(new GlobalList()).executeAndCollect();
        assertThat(out).containsExactly("k 1,2", "k 1,2,3,4");
    }

    @Test
    void purgingCountTriggerEmptiesTheWindowAfterEachFiring() {
        StreamEnvironment env = StreamEnvironment.create();
        ScriptedSource<Ev> script = ScriptedSource.create();
        for (int i = 1; i <= 5; i++) {
            script.event(ev("k", i, i), i);
        }
        List<String> out = env.fromSource(script, WatermarkStrategy.noWatermarks(), "s")
            .keyBy(Ev::key).window(GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.of(2)))
            .process(new GlobalList()).executeAndCollect();
        assertThat(out).containsExactly("k 1,2", "k 3,4");
    }

    @Test
    void continuousEventTimeTriggerGivesEarlyResults() {
        StreamEnvironment env = StreamEnvironment.create();
        List<String> out = env.fromSource(ScriptedSource.<Ev>create()
                    .event(ev("k", 1, 1), 1).event(ev("k", 12, 2), 12).watermark(10)
                    .event(ev("k", 25, 4), 25).watermark(20).watermark(99),
                WatermarkStrategy.noWatermarks(), "s")
            .keyBy(Ev::key).window(TumblingEventTimeWindows.of(ms(100))).trigger(ContinuousEventTimeTrigger.of(ms(10)))
            .process(new ListElements()).executeAndCollect();
        // early firings at 9 and 19; the final watermark passes 29, 39, ..., 89 (one firing each) and the end, 99
        List<String> expected = new ArrayList<>();
        expected.add("k [0,100) 1,2");
        for (int i = 0; i < 9; i++) {
            expected.add("k [0,100) 1,2,4");
        }
        assertThat(out).containsExactlyElementsOf(expected);
    }

    @Test
    void customTriggerFiresOnMarkerElement() {
        Trigger<Ev, TimeWindow> onZero = new Trigger<>() {
            @Override
            public TriggerResult onElement(Ev e, long ts, TimeWindow w, TriggerContext ctx) {
                return e.value() == 0 ? TriggerResult.FIRE_AND_PURGE : TriggerResult.CONTINUE;
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
        StreamEnvironment env = StreamEnvironment.create();
        List<String> out = env.fromSource(ScriptedSource.<Ev>create()
                    .event(ev("k", 1, 5), 1).event(ev("k", 2, 0), 2).event(ev("k", 3, 7), 3).watermark(1000),
                WatermarkStrategy.noWatermarks(), "s")
            .keyBy(Ev::key).window(TumblingEventTimeWindows.of(ms(100))).trigger(onZero)
            .process(new ListElements()).executeAndCollect();
        assertThat(out).containsExactly("k [0,100) 5,0");
    }

    @Test
    void processingTimeTumblingWindowsFollowTheManualClock() {
        StreamEnvironment env = StreamEnvironment.create(new ManualClock(0));
        List<String> out = env.fromSource(ScriptedSource.<Ev>create()
                    .event(ev("k", 0, 1)).advanceProcessingTimeTo(50).event(ev("k", 0, 2))
                    .advanceProcessingTimeTo(100)                 // [0,100) fires
                    .event(ev("k", 0, 4)).advanceProcessingTimeTo(150),
                WatermarkStrategy.noWatermarks(), "s")
            .keyBy(Ev::key).window(TumblingProcessingTimeWindows.of(ms(100)))
            .process(new ListElements()).executeAndCollect();
        // [100,200) is pending at end of input and fires then (docs/semantics.md)
        assertThat(out).containsExactly("k [0,100) 1,2", "k [100,200) 4");
    }

    @Test
    void processingTimeSlidingAndSessionWindows() {
        StreamEnvironment env = StreamEnvironment.create(new ManualClock(0));
        DataStream<Ev> in = env.fromSource(ScriptedSource.<Ev>create()
                .event(ev("k", 0, 1)).advanceProcessingTimeTo(30).event(ev("k", 0, 2)).advanceProcessingTimeTo(200),
            WatermarkStrategy.noWatermarks(), "s");
        CollectSink<String> sliding = new CollectSink<>();
        CollectSink<String> sessions = new CollectSink<>();
        in.keyBy(Ev::key).window(SlidingProcessingTimeWindows.of(ms(40), ms(20))).process(new ListElements()).addSink(sliding);
        in.keyBy(Ev::key).window(ProcessingTimeSessionWindows.withGap(ms(50))).process(new ListElements()).addSink(sessions);
        env.execute();
        assertThat(sliding.values()).containsExactly("k [-20,20) 1", "k [0,40) 1,2", "k [20,60) 2");
        assertThat(sessions.values()).containsExactly("k [0,80) 1,2");
    }

    /** Uses per-window state, global state and a side output. */
    static final class CountingFirings extends ProcessWindowFunction<Ev, String, String, TimeWindow> {
        static final OutputTag<String> FIRINGS = OutputTag.of("firings", String.class);
        private final ValueStateDescriptor<Integer> perWindow = new ValueStateDescriptor<>("fired", Integer.class);
        private final ValueStateDescriptor<Integer> total = new ValueStateDescriptor<>("total", Integer.class);

        @Override
        public void process(String key, Context ctx, Iterable<Ev> elements, Collector<String> out) {
            ValueState<Integer> w = ctx.windowState().getState(perWindow);
            ValueState<Integer> g = ctx.globalState().getState(total);
            int wf = w.value() == null ? 1 : w.value() + 1;
            int gf = g.value() == null ? 1 : g.value() + 1;
            w.update(wf);
            g.update(gf);
            int sum = 0;
            for (Ev e : elements) {
                sum += e.value();
            }
            out.collect(ctx.window().getStart() + ": sum=" + sum + " windowFirings=" + wf + " keyFirings=" + gf);
            ctx.output(FIRINGS, key + "@" + ctx.currentWatermark());
        }
    }

    @Test
    void processWindowFunctionHasWindowStateGlobalStateAndSideOutputs() {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<String> out = env.fromSource(ScriptedSource.<Ev>create()
                    .event(ev("k", 1, 1), 1).watermark(10).event(ev("k", 2, 2), 2)    // late firing of [0,10)
                    .event(ev("k", 15, 4), 15).watermark(30),
                WatermarkStrategy.noWatermarks(), "s")
            .keyBy(Ev::key).window(TumblingEventTimeWindows.of(ms(10))).allowedLateness(ms(100))
            .process(new CountingFirings());
        CollectSink<String> main = new CollectSink<>();
        CollectSink<String> firings = new CollectSink<>();
        out.addSink(main);
        out.getSideOutput(CountingFirings.FIRINGS).addSink(firings);
        env.execute();
        assertThat(main.values()).containsExactly(
            "0: sum=1 windowFirings=1 keyFirings=1",
            "0: sum=3 windowFirings=2 keyFirings=2",
            "10: sum=4 windowFirings=1 keyFirings=3");
        assertThat(firings.values()).containsExactly("k@10", "k@10", "k@30");
    }

    @Test
    void slicedTumblingWindowsSupportWindowStateForTheirSingleFiring() {
        StreamEnvironment env = StreamEnvironment.create();
        List<String> out = env.fromSource(ScriptedSource.<Ev>create()
                    .event(ev("k", 1, 1), 1).event(ev("k", 15, 4), 15).watermark(30),
                WatermarkStrategy.noWatermarks(), "s")
            .keyBy(Ev::key).window(TumblingEventTimeWindows.of(ms(10)))
            .process(new CountingFirings()).executeAndCollect();
        assertThat(out).containsExactly("0: sum=1 windowFirings=1 keyFirings=1", "10: sum=4 windowFirings=1 keyFirings=2");
    }

    @Test
    void reduceWithProcessWindowFunctionGetsTheReducedValue() {
        StreamEnvironment env = StreamEnvironment.create();
        List<String> out = env.fromSource(ScriptedSource.<Ev>create()
                    .event(ev("k", 1, 1), 1).event(ev("k", 2, 2), 2).event(ev("k", 3, 4), 3),
                WatermarkStrategy.noWatermarks(), "s")
            .keyBy(Ev::key).window(TumblingEventTimeWindows.of(ms(10)))
            .reduce((a, b) -> ev(a.key(), a.ts(), a.value() + b.value()), new WindowTestSupport.Describe<>())
            .executeAndCollect();
        assertThat(out).containsExactly("k [0,10) k:7");
    }

    @Test
    void applyWindowFunction() {
        StreamEnvironment env = StreamEnvironment.create();
        List<String> out = env.fromSource(ScriptedSource.<Ev>create().event(ev("k", 1, 1), 1).event(ev("k", 2, 2), 2),
                WatermarkStrategy.noWatermarks(), "s")
            .keyBy(Ev::key).window(TumblingEventTimeWindows.of(ms(10)))
            .apply((String key, TimeWindow w, Iterable<Ev> in, Collector<String> c) -> {
                int n = 0;
                for (Ev e : in) {
                    n++;
                }
                c.collect(key + " " + w + " n=" + n);
            })
            .executeAndCollect();
        assertThat(out).containsExactly("k TimeWindow[0, 10) n=2");
    }

    @Test
    void sumAggregateOverSlidingWindowsAtParallelismTwo() {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
        List<Long> out = env.fromSource(ScriptedSource.<Ev>create()
                    .event(ev("a", 1, 1), 1).event(ev("b", 2, 10), 2).event(ev("a", 6, 2), 6),
                WatermarkStrategy.noWatermarks(), "s")
            .keyBy(Ev::key).window(dev.runnel.api.windowing.SlidingEventTimeWindows.of(ms(10), ms(5)))
            .aggregate(new Sum()).executeAndCollect();
        assertThat(out).containsExactlyInAnyOrder(1L, 3L, 2L, 10L, 10L);
    }
}
