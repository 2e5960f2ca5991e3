package dev.runnel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.functions.AsyncFunction;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.ProcessFunction;
import dev.runnel.api.functions.ResultFuture;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.source.ScriptedSource;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.checkpoint.CheckpointStorage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flink's async I/O: ordered and unordered results, watermarks that results never cross, timeouts,
 * capacity and failures. Requests complete on threads of their own; the order in which they
 * complete is forced with latches, so every expected output is exact.
 */
class AsyncDataStreamTest {
    /** Per-test latches, by record: a request completes once the latch of the record it waits for has opened. */
    private static final Map<String, CountDownLatch> COMPLETED = new ConcurrentHashMap<>();
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    private static final AtomicInteger MAX_IN_FLIGHT = new AtomicInteger();

    /**
     * Upper-cases each record on a thread of its own. A record "x<y" completes only after the request
     * of record "y" has completed (bounded by a deadline, so a wrong order shows as a wrong output, not
     * a hang).
     */
    static final class Upper implements AsyncFunction<String, String> {
        @Override
        public void asyncInvoke(String input, ResultFuture<String> resultFuture) {
            IN_FLIGHT.incrementAndGet();
            MAX_IN_FLIGHT.accumulateAndGet(IN_FLIGHT.get(), Math::max);
            String name = input.split("<")[0];
            new Thread(() -> {
                if (input.contains("<")) {
                    await(latch(input.split("<")[1]));
                }
                IN_FLIGHT.decrementAndGet();
                resultFuture.complete(List.of(name.toUpperCase()));
                latch(name).countDown();
            }).start();
        }
    }

    private static CountDownLatch latch(String name) {
        return COMPLETED.computeIfAbsent(name, n -> new CountDownLatch(1));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Each record with its timestamp and the watermark the next step had seen when it arrived. */
    private static List<String> run(ScriptedSource<String> script, boolean ordered, int capacity) {
        COMPLETED.clear();
        StreamEnvironment env = StreamEnvironment.create();
        DataStream<String> in = env.fromSource(script, WatermarkStrategy.noWatermarks(), "script");
        DataStream<String> out = ordered
            ? AsyncDataStream.orderedWait(in, new Upper(), 10, TimeUnit.SECONDS, capacity)
            : AsyncDataStream.unorderedWait(in, new Upper(), 10, TimeUnit.SECONDS, capacity);
        return out.process(new ProcessFunction<String, String>() {
            @Override
            public void processElement(String value, Context ctx, Collector<String> collector) {
                long wm = ctx.timerService().currentWatermark();
                collector.collect(value + "@" + ctx.timestamp() + " wm " + (wm == Long.MIN_VALUE ? "-" : String.valueOf(wm)));
            }
        }).executeAndCollect();
    }

    private static ScriptedSource<String> aWaitsForB() {
        return ScriptedSource.<String>create().event("a<b", 1).event("b", 2).watermark(5).event("c", 6);
    }

    @Test
    void orderedWaitEmitsInInputOrderWhateverOrderTheRequestsCompleteIn() {
        assertThat(run(aWaitsForB(), true, 100)).containsExactly("A@1 wm -", "B@2 wm -", "C@6 wm 5");
    }

    @Test
    void unorderedWaitEmitsAsRequestsCompleteButNeverAcrossAWatermark() {
        assertThat(run(aWaitsForB(), false, 100)).containsExactly("B@2 wm -", "A@1 wm -", "C@6 wm 5");
        // c completes first, yet stays behind the watermark that a and b came before
        assertThat(run(ScriptedSource.<String>create().event("a<c", 1).watermark(5).event("c", 6), false, 100))
            .containsExactly("A@1 wm -", "C@6 wm 5");
    }

    @Test
    void theCapacityBoundsTheRequestsInFlight() {
        MAX_IN_FLIGHT.set(0);
        ScriptedSource<String> script = ScriptedSource.<String>create();
        for (int i = 0; i < 20; i++) {
            script.event("r" + i, i);
        }
        assertThat(run(script, false, 2)).hasSize(20);
        assertThat(MAX_IN_FLIGHT.get()).isBetween(1, 2);
    }

    /** Never completes a request: only timeouts do. */
    static final class NeverAnswers implements AsyncFunction<String, String> {
        private final boolean fallback;

        NeverAnswers(boolean fallback) {
            this.fallback = fallback;
        }

        @Override
        public void asyncInvoke(String input, ResultFuture<String> resultFuture) {}

        @Override
        public void timeout(String input, ResultFuture<String> resultFuture) throws Exception {
            if (fallback) {
                resultFuture.complete(List.of("timed out: " + input));
            } else {
                AsyncFunction.super.timeout(input, resultFuture);
            }
        }
    }

    @Test
    void aRequestPastItsTimeoutGetsTheFunctionsTimeoutWhichMayCompleteIt() {
        StreamEnvironment env = StreamEnvironment.create();
        List<String> out = AsyncDataStream.orderedWait(env.fromData("x", "y"), new NeverAnswers(true), 20, TimeUnit.MILLISECONDS)
            .executeAndCollect();
        assertThat(out).containsExactly("timed out: x", "timed out: y");
    }

    @Test
    void byDefaultATimeoutFailsTheJobAsInFlink() {
        StreamEnvironment env = StreamEnvironment.create();
        AsyncDataStream.unorderedWait(env.fromData("x"), new NeverAnswers(false), 20, TimeUnit.MILLISECONDS).print();
        assertThatThrownBy(() -> env.execute("times out")).isInstanceOf(JobExecutionException.class)
            .rootCause().isInstanceOf(TimeoutException.class).hasMessage("Async function call has timed out.");
    }

    @Test
    void aFailedRequestFailsTheJob() {
        StreamEnvironment env = StreamEnvironment.create();
        AsyncFunction<String, String> failing = (input, result) -> result.completeExceptionally(new IllegalStateException("lookup of " + input + " failed"));
        AsyncDataStream.orderedWait(env.fromData("x"), failing, 1, TimeUnit.SECONDS).print();
        assertThatThrownBy(() -> env.execute("fails")).isInstanceOf(JobExecutionException.class)
            .rootCause().isInstanceOf(IllegalStateException.class).hasMessage("lookup of x failed");
    }

    @Test
    void requestsInFlightAreNotCheckpointedSoACheckpointedJobIsRefused(@TempDir Path dir) {
        StreamEnvironment env = StreamEnvironment.create();
        env.enableCheckpointing(Duration.ofSeconds(1), new CheckpointStorage(dir, 1));
        AsyncDataStream.orderedWait(env.fromSequence(1, 3).map(String::valueOf), new Upper(), 1, TimeUnit.SECONDS).print();
        assertThatThrownBy(() -> env.execute("checkpointed")).hasMessageContaining(
            "Cannot checkpoint the job: operator 'async wait operator' (AsyncWaitOperator) does not support checkpoints yet");
    }

    @Test
    void aCapacityBelowOneIsRefused() {
        StreamEnvironment env = StreamEnvironment.create();
        assertThatThrownBy(() -> AsyncDataStream.orderedWait(env.fromData("x"), new Upper(), 1, TimeUnit.SECONDS, 0))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("The max number of concurrent async operation should be greater than 0, got 0");
    }
}
