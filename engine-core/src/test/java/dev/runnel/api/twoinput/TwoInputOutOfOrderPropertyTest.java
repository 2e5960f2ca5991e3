package dev.runnel.api.twoinput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.DataStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.CoGroupFunction;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeyedCoProcessFunction;
import dev.runnel.api.functions.ProcessJoinFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.state.MapState;
import dev.runnel.api.state.MapStateDescriptor;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.windowing.EventTimeSessionWindows;
import dev.runnel.api.windowing.SlidingEventTimeWindows;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: two inputs that arrive out of order and in any interleaving, but never behind the
 * watermark, give the same results as the same elements sorted by timestamp — for a keyed
 * co-process function with event-time timers, an interval join and window joins, at parallelism 1
 * and 2. Three arrivals per random input: sorted (watermark just behind each element); generated
 * order (timestamps jittered by up to {@link #BOUND}, watermark the largest timestamp minus the
 * bound minus 2); and a random re-interleaving of the two inputs, each keeping its own order, with
 * the watermark the minimum of the two inputs' own watermarks (what the operator computes when
 * each input has its own generator).
 */
class TwoInputOutOfOrderPropertyTest {
    private static final int SEEDS = 30;
    private static final long BOUND = 25;

    record In(boolean left, String key, long ts, int value) implements java.io.Serializable {}

    private static List<In> randomElements(SplittableRandom r) {
        int n = 20 + r.nextInt(120);
        List<In> elements = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long ts = i * 3L - 100 + r.nextLong(BOUND + 1); // some negative timestamps
            elements.add(new In(r.nextBoolean(), "k" + r.nextInt(4), ts, r.nextInt(1000)));
        }
        return elements;
    }

    private static ScriptedSource<In> sorted(List<In> elements) {
        List<In> copy = new ArrayList<>(elements);
        copy.sort(Comparator.comparingLong(In::ts));
        ScriptedSource<In> script = ScriptedSource.create();
        for (In e : copy) {
            script.event(e, e.ts());
            script.watermark(e.ts() - 2);
        }
        return script;
    }

    private static ScriptedSource<In> generatedOrder(List<In> elements) {
        ScriptedSource<In> script = ScriptedSource.create();
        long max = Long.MIN_VALUE;
        for (In e : elements) {
            script.event(e, e.ts());
            max = Math.max(max, e.ts());
            script.watermark(max - BOUND - 2);
        }
        return script;
    }

    private static ScriptedSource<In> reinterleaved(List<In> elements, SplittableRandom r) {
        List<In> lefts = elements.stream().filter(In::left).toList();
        List<In> rights = elements.stream().filter(e -> !e.left()).toList();
        ScriptedSource<In> script = ScriptedSource.create();
        long maxLeft = Long.MIN_VALUE;
        long maxRight = Long.MIN_VALUE;
        int i = 0;
        int j = 0;
        while (i < lefts.size() || j < rights.size()) {
            boolean takeLeft = j == rights.size() || (i < lefts.size() && r.nextBoolean());
            In e = takeLeft ? lefts.get(i++) : rights.get(j++);
            script.event(e, e.ts());
            if (takeLeft) {
                maxLeft = Math.max(maxLeft, e.ts());
            } else {
                maxRight = Math.max(maxRight, e.ts());
            }
            // an input that has ended holds nothing back; one that has not started holds everything back
            long wmLeft = i == lefts.size() ? Long.MAX_VALUE : maxLeft == Long.MIN_VALUE ? Long.MIN_VALUE : maxLeft - BOUND - 2;
            long wmRight = j == rights.size() ? Long.MAX_VALUE : maxRight == Long.MIN_VALUE ? Long.MIN_VALUE : maxRight - BOUND - 2;
            long wm = Math.min(wmLeft, wmRight);
            if (wm != Long.MIN_VALUE && wm != Long.MAX_VALUE) {
                script.watermark(wm);
            }
        }
        return script;
    }

    private static List<String> run(ScriptedSource<In> script, int parallelism,
            BiFunction<DataStream<In>, DataStream<In>, DataStream<String>> job) {
        StreamEnvironment env = StreamEnvironment.create();
        env.setParallelism(parallelism);
        DataStream<In> all = env.fromSource(script, WatermarkStrategy.noWatermarks(), "elements");
        CollectSink<String> sink = new CollectSink<>();
        job.apply(all.filter(In::left), all.filter(e -> !e.left())).addSink(sink);
        env.execute("property");
        List<String> out = new ArrayList<>(sink.timestamped().stream().map(Object::toString).toList());
        Collections.sort(out);
        return out;
    }

    private static void check(int parallelism, BiFunction<DataStream<In>, DataStream<In>, DataStream<String>> job) {
        for (int seed = 0; seed < SEEDS; seed++) {
            List<In> elements = randomElements(new SplittableRandom(seed));
            List<String> expected = run(sorted(elements), 1, job);
            assertThat(expected).isNotEmpty();
            assertThat(run(sorted(elements), parallelism, job)).as("sorted, seed %d", seed).isEqualTo(expected);
            assertThat(run(generatedOrder(elements), parallelism, job)).as("generated order, seed %d", seed).isEqualTo(expected);
            assertThat(run(reinterleaved(elements, new SplittableRandom(1000 + seed)), parallelism, job))
                .as("re-interleaved, seed %d", seed).isEqualTo(expected);
        }
    }

    /**
     * Per key and 10 ms bucket, sums and counts of each input, emitted by an event-time timer at the
     * bucket's end: state and timers shared by both inputs.
     */
    static final class BucketSums extends KeyedCoProcessFunction<String, In, In, String> {
        private transient MapState<Long, long[]> buckets;

        @Override
        public void open(RuntimeContext context) {
            buckets = context.getMapState(new MapStateDescriptor<>("buckets", Long.class, long[].class));
        }

        @Override
        public void processElement1(In value, Context ctx, Collector<String> out) throws Exception {
            add(value, 0, ctx);
        }

        @Override
        public void processElement2(In value, Context ctx, Collector<String> out) throws Exception {
            add(value, 2, ctx);
        }

        private void add(In value, int offset, Context ctx) throws Exception {
            long end = Math.floorDiv(value.ts(), 10) * 10 + 10;
            long[] sums = buckets.get(end);
            if (sums == null) {
                sums = new long[4];
            }
            sums[offset] += value.value();
            sums[offset + 1]++;
            buckets.put(end, sums);
            ctx.timerService().registerEventTimeTimer(end);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            long[] s = buckets.get(timestamp);
            buckets.remove(timestamp);
            out.collect(ctx.getCurrentKey() + " " + timestamp + " L" + s[0] + "/" + s[1] + " R" + s[2] + "/" + s[3]);
        }
    }

    static final class Pair extends ProcessJoinFunction<In, In, String> {
        @Override
        public void processElement(In left, In right, Context ctx, Collector<String> out) {
            out.collect(left.key() + " " + left.ts() + ":" + left.value() + "+" + right.ts() + ":" + right.value());
        }
    }

    static final CoGroupFunction<In, In, String> SORTED_SIDES = (first, second, out) -> {
        out.collect(sortedValues(first) + " | " + sortedValues(second));
    };

    private static List<Integer> sortedValues(Iterable<In> elements) {
        return StreamSupport.stream(elements.spliterator(), false).map(In::value).sorted().toList();
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void keyedCoProcessWithEventTimeTimers(int parallelism) {
        check(parallelism, (l, r) -> l.connect(r).keyBy(In::key, In::key).process(new BucketSums()));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void intervalJoin(int parallelism) {
        check(parallelism, (l, r) -> l.keyBy(In::key).intervalJoin(r.keyBy(In::key)).between(ms(-7), ms(5)).process(new Pair()));
        check(parallelism, (l, r) -> l.keyBy(In::key).intervalJoin(r.keyBy(In::key)).between(ms(3), ms(12))
            .lowerBoundExclusive().process(new Pair()));
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void windowJoin(int parallelism) {
        check(parallelism, (l, r) -> l.join(r).where(In::key).equalTo(In::key).window(TumblingEventTimeWindows.of(ms(20), ms(7)))
            .apply((a, b) -> a.key() + " " + a.value() + "+" + b.value()));
        check(parallelism, (l, r) -> l.join(r).where(In::key).equalTo(In::key).window(SlidingEventTimeWindows.of(ms(30), ms(12)))
            .apply((a, b) -> a.key() + " " + a.value() + "+" + b.value()));
    }

    /** The general window operator (a trigger like the default one, but not it) gives what the sliced one gives. */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void windowJoinOnTheGeneralPathEqualsTheSlicedPath(int parallelism) {
        BiFunction<DataStream<In>, DataStream<In>, DataStream<String>> sliced = (l, r) -> l.join(r).where(In::key).equalTo(In::key)
            .window(SlidingEventTimeWindows.of(ms(30), ms(12))).apply((a, b) -> a.key() + " " + a.value() + "+" + b.value());
        BiFunction<DataStream<In>, DataStream<In>, DataStream<String>> general = (l, r) -> l.join(r).where(In::key).equalTo(In::key)
            .window(SlidingEventTimeWindows.of(ms(30), ms(12))).trigger(new WindowJoinTest.GeneralPathTrigger())
            .apply((a, b) -> a.key() + " " + a.value() + "+" + b.value());
        for (int seed = 0; seed < SEEDS; seed++) {
            List<In> elements = randomElements(new SplittableRandom(seed));
            List<String> expected = run(sorted(elements), 1, sliced);
            assertThat(run(generatedOrder(elements), parallelism, general)).as("seed %d", seed).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void coGroup(int parallelism) {
        check(parallelism, (l, r) -> l.coGroup(r).where(In::key).equalTo(In::key).window(TumblingEventTimeWindows.of(ms(20)))
            .apply(SORTED_SIDES));
        check(parallelism, (l, r) -> l.coGroup(r).where(In::key).equalTo(In::key).window(EventTimeSessionWindows.withGap(ms(8)))
            .apply(SORTED_SIDES));
    }
}
