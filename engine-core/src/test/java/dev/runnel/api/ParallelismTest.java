package dev.runnel.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.GeneratorSource;
import dev.runnel.api.state.MapState;
import dev.runnel.api.state.MapStateDescriptor;
import dev.runnel.api.time.WatermarkStrategy;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class ParallelismTest {

    record Ev(long key, long ts, int amount) {}

    /** Per key, sums amounts in 100 ms buckets of event time; emits a bucket when the watermark passes its end. */
    static final class BucketSums extends KeyedProcessFunction<Long, Ev, String> {
        private MapState<Long, Long> sums;

        @Override
        public void open(RuntimeContext rc) {
            sums = rc.getMapState(new MapStateDescriptor<>("sums", Long.class, Long.class));
        }

        @Override
        public void processElement(Ev ev, Context ctx, Collector<String> out) {
            long end = (ctx.timestamp() / 100 + 1) * 100;
            Long s = sums.get(end);
            sums.put(end, (s == null ? 0 : s) + ev.amount());
            ctx.timerService().registerEventTimeTimer(end - 1);
        }

        @Override
        public void onTimer(long ts, OnTimerContext ctx, Collector<String> out) {
            out.collect(ctx.getCurrentKey() + "@" + (ts + 1) + "=" + sums.get(ts + 1));
            sums.remove(ts + 1);
        }
    }

    private static List<String> run(long seed, int n, int parallelism) {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism).setAutoWatermarkInterval(Duration.ofMillis(1));
        SplittableRandom r = new SplittableRandom(seed);
        CollectSink<String> sink = new CollectSink<>();
        // the generator is consumed by one source thread in index order, so the input is identical in both runs
        env.fromSource(GeneratorSource.bounded(n, i -> new Ev(r.nextLong(50), i + r.nextInt(20), r.nextInt(100))),
                WatermarkStrategy.<Ev>forBoundedOutOfOrderness(Duration.ofMillis(20)).withTimestampAssigner((e, t) -> e.ts()), "gen")
            .keyBy(Ev::key)
            .process(new BucketSums())
            .filter(s -> !s.isEmpty())
            .addSink(sink);
        env.execute("p" + parallelism);
        return sink.values();
    }

    @RepeatedTest(5)
    void keyedResultsAreTheSameAtParallelismOneAndFour() {
        long seed = System.nanoTime();
        List<String> one = run(seed, 20_000, 1);
        List<String> four = run(seed, 20_000, 4);
        assertThat(four).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(one);
        assertThat(one).isNotEmpty();
    }

    @Test
    void unboundedJobRunsUntilCancelled() throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
        CollectSink<Long> sink = new CollectSink<>();
        env.fromSource(GeneratorSource.unbounded(i -> i), WatermarkStrategy.noWatermarks(), "forever")
            .keyBy(i -> i % 7)
            .reduce(Long::sum)
            .addSink(sink);
        JobClient client = env.executeAsync("forever");
        assertThat(client.await(Duration.ofMillis(300))).isEmpty();
        assertThat(client.isDone()).isFalse();
        client.cancel();
        JobResult result = client.await();
        assertThat(result.cancelled()).isTrue();
        assertThat(client.failureCause()).isEmpty();
    }

    @Test
    void failureInAWorkerFailsTheWholeParallelJob() {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(3);
        env.fromSource(GeneratorSource.bounded(100_000, i -> i), WatermarkStrategy.noWatermarks(), "gen")
            .keyBy(i -> i % 10)
            .reduce((a, b) -> {
                if (b == 77_777) {
                    throw new IllegalStateException("unlucky");
                }
                return a + b;
            }).name("sum")
            .addSink(v -> {});
        JobClient client = env.executeAsync("fails");
        org.assertj.core.api.Assertions.assertThatThrownBy(client::await)
            .isInstanceOf(JobExecutionException.class)
            .hasMessageContaining("operator 'sum'")
            .hasMessageContaining("key=7");
        assertThat(client.failureCause()).isPresent();
    }
}
