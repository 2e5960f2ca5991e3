package dev.runnel.window;

import static dev.runnel.window.WindowTestSupport.ev;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.DataStream;
import dev.runnel.api.OutputTag;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.WindowedStream;
import dev.runnel.api.functions.AggregateFunction;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.ProcessWindowFunction;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.windowing.SlidingEventTimeWindows;
import dev.runnel.api.windowing.TimeWindow;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.api.windowing.WindowAssigner;
import dev.runnel.window.WindowTestSupport.Ev;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property: the sliced fast path and the general per-window operator give the same results — on
 * time, late firings, late side output — for random input with real late elements (the watermark
 * runs ahead of some events), with and without allowed lateness. Results are compared as sorted
 * lists, since the operators may order keys within one firing instant differently.
 */
class OperatorEquivalencePropertyTest {
    private static final OutputTag<Ev> LATE = OutputTag.of("late", Ev.class);

    /** Window, the sorted values it saw, and how often this key-window fired so far (from per-window state). */
    static final class Describe extends ProcessWindowFunction<Ev, String, String, TimeWindow> {
        private final dev.runnel.api.state.ValueStateDescriptor<Integer> firings =
            new dev.runnel.api.state.ValueStateDescriptor<>("firings", Integer.class);

        @Override
        public void process(String key, Context ctx, Iterable<Ev> elements, Collector<String> out) {
            dev.runnel.api.state.ValueState<Integer> f = ctx.windowState().getState(firings);
            f.update(f.value() == null ? 1 : f.value() + 1);
            List<Integer> vs = new ArrayList<>();
            elements.forEach(e -> vs.add(e.value()));
            Collections.sort(vs);
            out.collect(key + " " + ctx.window() + " #" + f.value() + " " + vs);
        }
    }

    private record Result(List<String> main, List<String> late) {}

    private static ScriptedSource<Ev> randomScript(SplittableRandom r) {
        ScriptedSource<Ev> script = ScriptedSource.create();
        int n = 30 + r.nextInt(120);
        long watermark = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long ts = i * 2L - 40 + r.nextLong(30) - (r.nextInt(6) == 0 ? r.nextLong(40) : 0); // some far behind
            script.event(ev("k" + r.nextInt(3), ts, r.nextInt(100)), ts);
            if (r.nextInt(3) == 0) {
                watermark = Math.max(watermark, ts - r.nextLong(10));
                script.watermark(watermark);
            }
        }
        return script;
    }

    /** Sum and count in a {@code long[]} accumulator: with {@code Long} keys the sliced operator holds both as primitives. */
    static final class SumAndCount implements AggregateFunction<Ev, long[], String> {
        public long[] createAccumulator() {
            return new long[2];
        }

        public long[] add(Ev e, long[] acc) {
            acc[0] += e.value();
            acc[1]++;
            return acc;
        }

        public String getResult(long[] acc) {
            return acc[0] + "/" + acc[1];
        }

        public long[] merge(long[] a, long[] b) {
            a[0] += b[0];
            a[1] += b[1];
            return a;
        }
    }

    /** Key, window and the aggregate's result. */
    static final class WithWindow extends ProcessWindowFunction<String, String, Long, TimeWindow> {
        @Override
        public void process(Long key, Context ctx, Iterable<String> results, Collector<String> out) {
            out.collect(key + " " + ctx.window() + " " + results.iterator().next());
        }
    }

    private static Result run(long seed, WindowAssigner<Object, TimeWindow> assigner, long lateness, boolean general,
                              boolean aggregateByLongKey) {
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<Ev> events = env.fromSource(randomScript(new SplittableRandom(seed)), WatermarkStrategy.noWatermarks(), "s");
        DataStream<String> out;
        if (aggregateByLongKey) {
            WindowedStream<Ev, Long, TimeWindow> windowed = events.keyBy(e -> Long.parseLong(e.key().substring(1))).window(assigner);
            if (general) {
                windowed.trigger(new WindowTestSupport.GeneralPathTrigger());
            }
            out = windowed.allowedLateness(Duration.ofMillis(lateness)).sideOutputLateData(LATE)
                .aggregate(new SumAndCount(), new WithWindow());
        } else {
            WindowedStream<Ev, String, TimeWindow> windowed = events.keyBy(Ev::key).window(assigner);
            if (general) {
                windowed.trigger(new WindowTestSupport.GeneralPathTrigger());
            }
            out = windowed.allowedLateness(Duration.ofMillis(lateness)).sideOutputLateData(LATE).process(new Describe());
        }
        CollectSink<String> main = new CollectSink<>();
        CollectSink<Ev> late = new CollectSink<>();
        out.addSink(main);
        out.getSideOutput(LATE).addSink(late);
        env.execute();
        List<String> m = new ArrayList<>(main.values());
        List<String> l = new ArrayList<>(late.timestamped().stream().map(Object::toString).toList());
        Collections.sort(m);
        Collections.sort(l);
        return new Result(m, l);
    }

    private static void check(WindowAssigner<Object, TimeWindow> assigner, long lateness) {
        boolean sawLate = false;
        for (long seed = 0; seed < 40; seed++) {
            for (boolean aggregate : new boolean[] {false, true}) {
                Result general = run(seed, assigner, lateness, true, aggregate);
                Result sliced = run(seed, assigner, lateness, false, aggregate);
                assertThat(sliced).as("seed %d, %s, lateness %d, aggregate %s", seed, assigner, lateness, aggregate)
                    .isEqualTo(general);
                sawLate |= !general.late().isEmpty();
            }
        }
        assertThat(sawLate).as("the inputs exercise late data").isTrue();
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void tumbling() {
        check(TumblingEventTimeWindows.of(ms(10)), 0);
        check(TumblingEventTimeWindows.of(ms(10), ms(3)), 7);
    }

    @Test
    void sliding() {
        check(SlidingEventTimeWindows.of(ms(12), ms(4)), 0);
        check(SlidingEventTimeWindows.of(ms(15), ms(6)), 9);
    }

    @Test
    void hoppingWithGaps() {
        check(SlidingEventTimeWindows.of(ms(4), ms(10), ms(2)), 5);
    }
}
