package dev.runnel.flink;

import static dev.runnel.flink.Scripts.collect;
import static dev.runnel.flink.Scripts.events;

import dev.runnel.api.DataStream;
import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.AggregateFunction;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.ProcessAllWindowFunction;
import dev.runnel.api.functions.ProcessWindowFunction;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import dev.runnel.api.windowing.ContinuousEventTimeTrigger;
import dev.runnel.api.windowing.CountTrigger;
import dev.runnel.api.windowing.EventTimeSessionWindows;
import dev.runnel.api.windowing.GlobalWindow;
import dev.runnel.api.windowing.GlobalWindows;
import dev.runnel.api.windowing.PurgingTrigger;
import dev.runnel.api.windowing.SlidingEventTimeWindows;
import dev.runnel.api.windowing.TimeWindow;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each window assigner, trigger and function kind: the same results on Flink as on Runnel. */
class WindowTranslationTest {
    private static final OutputTag<Ev> LATE = OutputTag.of("late", Ev.class);

    private static Ev sum(Ev a, Ev b) {
        return new Ev(a.key(), Math.max(a.ts(), b.ts()), a.value() + b.value());
    }

    @Test
    void tumblingReduceWithAllowedLatenessAndLateSideOutput() throws Exception {
        BothEngines.assertSameOnFlink(env -> {
            Map<String, CollectSink<?>> sinks = new LinkedHashMap<>();
            DataStream<Ev> sums = events(env, 60).keyBy(Ev::key)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(4)))
                .allowedLateness(Duration.ofMillis(300))
                .sideOutputLateData(LATE)
                .reduce(WindowTranslationTest::sum)
                .name("sums");
            collect(sinks, "sums", sums);
            collect(sinks, "late", sums.getSideOutput(LATE));
            return sinks;
        }, 1, 2);
    }

    @Test
    void slidingAggregateWithProcessWindowFunctionAndPerWindowState() throws Exception {
        BothEngines.assertSameOnFlink(env -> {
            Map<String, CollectSink<?>> sinks = new LinkedHashMap<>();
            collect(sinks, "windows", events(env, 40).keyBy(Ev::key)
                .window(SlidingEventTimeWindows.of(Duration.ofSeconds(6), Duration.ofSeconds(2)))
                .aggregate(new Count(), new Describe()));
            return sinks;
        }, 1, 2);
    }

    @Test
    void sessionsWithProcessWindowFunctionAndMergingCountTrigger() throws Exception {
        BothEngines.assertSameOnFlink(env -> {
            Map<String, CollectSink<?>> sinks = new LinkedHashMap<>();
            DataStream<Ev> evs = events(env, 50);
            collect(sinks, "sessions", evs.keyBy(Ev::key)
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(2500)))
                .process(new ListSession()));
            collect(sinks, "counted", evs.keyBy(Ev::key)
                .window(EventTimeSessionWindows.withGap(Duration.ofMillis(2500)))
                .trigger(CountTrigger.of(3))
                .process(new ListSession()));
            return sinks;
        }, 1, 2);
    }

    @Test
    void globalWindowsWithPurgingCountTrigger() throws Exception {
        BothEngines.assertSameOnFlink(env -> {
            Map<String, CollectSink<?>> sinks = new LinkedHashMap<>();
            collect(sinks, "batches", events(env, 40).keyBy(Ev::key)
                .window(GlobalWindows.create())
                .trigger(PurgingTrigger.of(CountTrigger.of(4)))
                .apply((String key, GlobalWindow w, Iterable<Ev> evs, Collector<String> out) -> {
                    StringBuilder sb = new StringBuilder(key);
                    evs.forEach(e -> sb.append(' ').append(e.value()));
                    out.collect(sb.toString());
                }));
            return sinks;
        }, 1, 2);
    }

    @Test
    void continuousEventTimeTriggerFiresEarly() throws Exception {
        BothEngines.assertSameOnFlink(env -> {
            Map<String, CollectSink<?>> sinks = new LinkedHashMap<>();
            collect(sinks, "early", events(env, 40).keyBy(Ev::key)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
                .trigger(ContinuousEventTimeTrigger.of(Duration.ofSeconds(3)))
                .reduce(WindowTranslationTest::sum));
            return sinks;
        }, 1, 2);
    }

    @Test
    void windowAllProcessAndReduce() throws Exception {
        BothEngines.assertSameOnFlink(env -> {
            Map<String, CollectSink<?>> sinks = new LinkedHashMap<>();
            DataStream<Ev> evs = events(env, 40);
            collect(sinks, "all", evs.windowAll(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
                .process(new ProcessAllWindowFunction<Ev, String, TimeWindow>() {
                    @Override
                    public void process(Context ctx, Iterable<Ev> elements, Collector<String> out) {
                        int n = 0;
                        for (Ev ignored : elements) {
                            n++;
                        }
                        out.collect(ctx.window() + " n=" + n);
                    }
                }));
            collect(sinks, "reduced", evs.windowAll(TumblingEventTimeWindows.of(Duration.ofSeconds(5))).reduce(WindowTranslationTest::sum));
            return sinks;
        }, 1, 2);
    }

    static final class Count implements AggregateFunction<Ev, long[], Long> {
        @Override
        public long[] createAccumulator() {
            return new long[1];
        }

        @Override
        public long[] add(Ev value, long[] acc) {
            acc[0] += value.value();
            return acc;
        }

        @Override
        public Long getResult(long[] acc) {
            return acc[0];
        }

        @Override
        public long[] merge(long[] a, long[] b) {
            return new long[] {a[0] + b[0]};
        }
    }

    /** The window, the aggregate, and how often this key's window fired (per-window state). */
    static final class Describe extends ProcessWindowFunction<Long, String, String, TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<Long> sums, Collector<String> out) {
            ValueState<Integer> firings = ctx.windowState().getState(new ValueStateDescriptor<>("firings", Integer.class));
            int n = firings.value() == null ? 1 : firings.value() + 1;
            firings.update(n);
            out.collect(key + " " + ctx.window() + " sum=" + sums.iterator().next() + " firing=" + n);
        }
    }

    static final class ListSession extends ProcessWindowFunction<Ev, String, String, TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<Ev> elements, Collector<String> out) {
            java.util.List<Integer> values = new java.util.ArrayList<>();
            elements.forEach(e -> values.add(e.value()));
            values.sort(null);
            out.collect(key + " " + ctx.window() + " " + values);
        }
    }
}
