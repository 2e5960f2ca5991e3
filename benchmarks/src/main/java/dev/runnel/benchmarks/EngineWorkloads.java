package dev.runnel.benchmarks;

import dev.runnel.api.DataStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.AggregateFunction;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.functions.ProcessWindowFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.functions.Sink;
import dev.runnel.api.source.GeneratorSource;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.windowing.EventTimeSessionWindows;
import dev.runnel.api.windowing.SlidingEventTimeWindows;
import dev.runnel.api.windowing.TimeWindow;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.api.windowing.WindowAssigner;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/** W0–W4 (and their parallel variants) as Runnel jobs; each returns the number of records its sink saw. */
public final class EngineWorkloads {
    private EngineWorkloads() {}

    /**
     * Counts and discards. Sinks are shared by parallel subtasks, so above parallelism 1 it counts
     * with a {@link LongAdder}; at parallelism 1 a plain field does, as a hand-written loop would.
     */
    public static final class CountingSink<T> implements Sink<T> {
        private final LongAdder shared;
        private long single;

        public CountingSink() {
            this(1);
        }

        public CountingSink(int parallelism) {
            this.shared = parallelism > 1 ? new LongAdder() : null;
        }

        @Override
        public void invoke(T value) {
            if (shared == null) {
                single++;
            } else {
                shared.increment();
            }
        }

        public long count() {
            return shared == null ? single : shared.sum();
        }
    }

    /** The benchmark input as a Runnel source: the generator at parallelism 1, watermarks 200 ms behind. */
    public static DataStream<Event> source(StreamEnvironment env, long n, long seed) {
        EventGenerator generator = new EventGenerator(seed);
        return env.fromSource(GeneratorSource.bounded(n, i -> generator.next()),
            WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofMillis(200)).withTimestampAssigner((e, t) -> e.ts),
            "generator");
    }

    /** Sum of amounts. */
    public static final class SumAmount implements AggregateFunction<Event, double[], Double> {
        @Override
        public double[] createAccumulator() {
            return new double[1];
        }

        @Override
        public double[] add(Event e, double[] acc) {
            acc[0] += e.amount;
            return acc;
        }

        @Override
        public Double getResult(double[] acc) {
            return acc[0];
        }

        @Override
        public double[] merge(double[] a, double[] b) {
            a[0] += b[0];
            return a;
        }
    }

    /** W4's function: a per-key counter, cleared by an event-time timer one second after each event. */
    public static final class CountUntilTimer extends KeyedProcessFunction<Long, Event, Long> {
        private transient ValueState<Long> count;

        @Override
        public void open(RuntimeContext rc) {
            count = rc.getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(Event e, Context ctx, Collector<Long> out) {
            Long c = count.value();
            count.update(c == null ? 1L : c + 1);
            ctx.timerService().registerEventTimeTimer(e.ts + 1_000);
        }

        @Override
        public void onTimer(long ts, OnTimerContext ctx, Collector<Long> out) {
            Long c = count.value();
            if (c != null) {
                out.collect(c);
                count.clear();
            }
        }
    }

    /** Builds a job on the benchmark source, runs it (with checkpoints if asked) and returns what its sink counted. */
    static <R> long run(String name, long n, long seed, int parallelism,
                                java.util.function.Function<DataStream<Event>, DataStream<R>> job) {
        StreamEnvironment env = BenchWatermarks.apply(StreamEnvironment.create().setParallelism(parallelism));
        CountingSink<R> sink = new CountingSink<>(parallelism);
        job.apply(source(env, n, seed)).addSink(sink);
        BenchCheckpoints.execute(env, name);
        return sink.count();
    }

    /** A keyed window job summing amounts: W1, W2, W3. */
    private static long windowSum(String name, long n, long seed, int parallelism, long keys,
                                  WindowAssigner<Object, TimeWindow> assigner) {
        return run(name, n, seed, parallelism, events -> events.keyBy(e -> e.key % keys).window(assigner).aggregate(new SumAmount()));
    }

    public static long w0(long n, long seed, int parallelism) {
        return run("W0", n, seed, parallelism, events -> events.map(e -> e.amount));
    }

    public static long w1(long n, long seed, int parallelism) {
        return windowSum("W1", n, seed, parallelism, 10_000, TumblingEventTimeWindows.of(Duration.ofSeconds(1)));
    }

    /** W1 with its results as {@code key,windowStart,windowEnd,sum} lines, for the check against H1. */
    public static java.util.List<String> w1Lines(long n, long seed) {
        StreamEnvironment env = BenchWatermarks.apply(StreamEnvironment.create());
        java.util.List<String> lines = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        source(env, n, seed).keyBy(e -> e.key % 10_000)
            .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
            .aggregate(new SumAmount(), new ProcessWindowFunction<Double, String, Long, TimeWindow>() {
                @Override
                public void process(Long key, Context ctx, Iterable<Double> sums, Collector<String> out) {
                    out.collect(key + "," + ctx.window().getStart() + "," + ctx.window().getEnd() + "," + sums.iterator().next());
                }
            })
            .addSink(lines::add);
        env.execute("W1-check");
        return lines;
    }

    public static long w2(long n, long seed, int parallelism) {
        return windowSum("W2", n, seed, parallelism, 10_000, SlidingEventTimeWindows.of(Duration.ofSeconds(10), Duration.ofSeconds(1)));
    }

    public static long w3(long n, long seed, int parallelism) {
        return windowSum("W3", n, seed, parallelism, 1_000, EventTimeSessionWindows.withGap(Duration.ofMillis(500)));
    }

    public static long w4(long n, long seed, int parallelism) {
        return run("W4", n, seed, parallelism, events -> events.keyBy(e -> e.key % 10_000).process(new CountUntilTimer()));
    }
}
