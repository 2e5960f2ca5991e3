package dev.runnel.window;

import static dev.runnel.window.WindowTestSupport.ev;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.KeyedStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.ProcessWindowFunction;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.windowing.EventTimeSessionWindows;
import dev.runnel.api.windowing.SlidingEventTimeWindows;
import dev.runnel.api.windowing.TimeWindow;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.window.WindowTestSupport.Ev;
import dev.runnel.window.WindowTestSupport.Sum;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Property: input that is out of order, but never behind the watermark, gives the same window
 * results as the same input sorted by timestamp. Checked for many random inputs on the sliced
 * fast path and on the general per-window path (a non-default trigger forces it).
 */
class OutOfOrderPropertyTest {
    private static final int SEEDS = 40;
    private static final long BOUND = 25;

    /** Lists a window's values sorted, so the result does not depend on arrival order. */
    static final class SortedValues extends ProcessWindowFunction<Ev, String, String, TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<Ev> elements, Collector<String> out) {
            List<Integer> vs = new ArrayList<>();
            elements.forEach(e -> vs.add(e.value()));
            Collections.sort(vs);
            out.collect(key + " " + ctx.window() + " " + vs);
        }
    }

    static final class DescribeSum extends ProcessWindowFunction<Long, String, String, TimeWindow> {
        @Override
        public void process(String key, Context ctx, Iterable<Long> sums, Collector<String> out) {
            out.collect(key + " " + ctx.window() + " " + sums.iterator().next());
        }
    }

    private static List<Ev> randomEvents(SplittableRandom r) {
        int n = 20 + r.nextInt(150);
        List<Ev> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // time moves ~3 ms per event with jitter up to BOUND; some timestamps are negative
            long ts = i * 3L - 100 + r.nextLong(BOUND + 1);
            events.add(ev("k" + r.nextInt(4), ts, r.nextInt(1000)));
        }
        return events;
    }

    /**
     * Arrival order, with the watermark two behind the largest timestamp seen minus the bound: every
     * later event is then at least two past the watermark, so no session fires before an element that
     * touches it arrives (with a watermark only one behind, a touching element may come just after
     * its neighbour fired, and the outcome would rightly depend on arrival order).
     */
    private static ScriptedSource<Ev> outOfOrder(List<Ev> events) {
        ScriptedSource<Ev> script = ScriptedSource.create();
        long max = Long.MIN_VALUE;
        for (Ev e : events) {
            script.event(e, e.ts());
            max = Math.max(max, e.ts());
            script.watermark(max - BOUND - 2);
        }
        return script;
    }

    private static ScriptedSource<Ev> sorted(List<Ev> events) {
        List<Ev> copy = new ArrayList<>(events);
        copy.sort(Comparator.comparingLong(Ev::ts));
        ScriptedSource<Ev> script = ScriptedSource.create();
        for (Ev e : copy) {
            script.event(e, e.ts());
            script.watermark(e.ts() - 2);
        }
        return script;
    }

    private static List<String> run(ScriptedSource<Ev> script, Function<KeyedStream<Ev, String>, dev.runnel.api.DataStream<String>> job) {
        StreamEnvironment env = StreamEnvironment.create();
        List<String> out = new ArrayList<>(job.apply(env.fromSource(script, WatermarkStrategy.noWatermarks(), "events")
            .keyBy(Ev::key)).executeAndCollect());
        Collections.sort(out);
        return out;
    }

    private static void check(Function<KeyedStream<Ev, String>, dev.runnel.api.DataStream<String>> job) {
        for (int seed = 0; seed < SEEDS; seed++) {
            List<Ev> events = randomEvents(new SplittableRandom(seed));
            List<String> expected = run(sorted(events), job);
            assertThat(expected).isNotEmpty();
            assertThat(run(outOfOrder(events), job)).as("seed %d", seed).isEqualTo(expected);
        }
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void tumblingAggregate() {
        check(s -> s.window(TumblingEventTimeWindows.of(ms(20), ms(7))).aggregate(new Sum(), new DescribeSum()));
    }

    @Test
    void slidingAggregateFromSlices() {
        check(s -> s.window(SlidingEventTimeWindows.of(ms(30), ms(12))).aggregate(new Sum(), new DescribeSum()));
    }

    @Test
    void slidingProcessFromSlices() {
        check(s -> s.window(SlidingEventTimeWindows.of(ms(20), ms(5))).process(new SortedValues()));
    }

    @Test
    void tumblingAndSlidingOnTheGeneralPath() {
        check(s -> s.window(TumblingEventTimeWindows.of(ms(20))).trigger(new WindowTestSupport.GeneralPathTrigger())
            .aggregate(new Sum(), new DescribeSum()));
        check(s -> s.window(SlidingEventTimeWindows.of(ms(30), ms(10))).trigger(new WindowTestSupport.GeneralPathTrigger())
            .allowedLateness(ms(1)).process(new SortedValues()));
    }

    @Test
    void slicedWithAllowedLateness() {
        check(s -> s.window(SlidingEventTimeWindows.of(ms(30), ms(10))).allowedLateness(ms(7)).aggregate(new Sum(), new DescribeSum()));
    }

    @Test
    void sessions() {
        check(s -> s.window(EventTimeSessionWindows.withGap(ms(8))).process(new SortedValues()));
        check(s -> s.window(EventTimeSessionWindows.withGap(ms(4))).aggregate(new Sum(), new DescribeSum()));
    }
}
