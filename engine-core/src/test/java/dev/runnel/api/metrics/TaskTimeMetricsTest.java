package dev.runnel.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.JobClient;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.source.GeneratorSource;
import dev.runnel.api.time.WatermarkStrategy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Busy, idle and back-pressured time read from a running job, with Flink's meaning: a task blocked in user
 * code is busy, a task with nothing to read is idle, a task whose downstream channel is full is back-pressured.
 * Each phase is held by a latch until the metric it shows has grown, so the test waits for what it asserts.
 */
class TaskTimeMetricsTest {
    private static final CountDownLatch MAP_GATE = new CountDownLatch(1);
    private static final CountDownLatch SINK_GATE = new CountDownLatch(1);

    @Test
    void aBlockedSinkBackPressuresTheSourceTaskAndAStalledSourceLeavesTheSinkIdle() throws Exception {
        StreamEnvironment env = StreamEnvironment.create();
        env.fromSource(GeneratorSource.bounded(200_000, i -> i), WatermarkStrategy.noWatermarks(), "numbers")
            .map(i -> {
                if (i == 10) {
                    MAP_GATE.await(); // phase 1: the source task is busy in user code, the sink has nothing to read
                }
                return i;
            }).name("gate")
            .addSink(i -> {
                if (i == 100) {
                    SINK_GATE.await(); // phase 2: the sink stops reading, its channels fill up
                }
            }).name("sink").setParallelism(2);
        JobClient job = env.executeAsync("times");
        JobMetricsView view = job.metrics();

        waitFor("the sinks to have been idle 200 ms", () -> min(view, "sink", OperatorMetricsView::accumulatedIdleTimeMs) >= 200);
        waitFor("the gate to have been busy 200 ms", () -> min(view, "gate", OperatorMetricsView::accumulatedBusyTimeMs) >= 200);
        assertThat(min(view, "gate", OperatorMetricsView::accumulatedBackPressuredTimeMs)).isZero();
        MAP_GATE.countDown();

        waitFor("the source task to have been back-pressured 200 ms",
            () -> min(view, "gate", OperatorMetricsView::accumulatedBackPressuredTimeMs) >= 200);
        // the sink subtask that holds record 100 waits in its own code: busy, not idle
        waitFor("the blocked sink to have been busy 200 ms", () -> max(view, "sink", OperatorMetricsView::accumulatedBusyTimeMs) >= 200);
        // the source and the map run on one thread: both report that thread's time, as Flink's chained operators do
        assertThat(min(view, "numbers", OperatorMetricsView::accumulatedBackPressuredTimeMs)).isGreaterThanOrEqualTo(200);
        SINK_GATE.countDown();
        job.await();

        for (OperatorMetricsView op : view.operators()) {
            double busy = op.accumulatedBusyTimeMs();
            double idle = op.accumulatedIdleTimeMs();
            double pressured = op.accumulatedBackPressuredTimeMs();
            assertThat(busy).as("busy of %s", op.operatorName()).isGreaterThan(0);
            assertThat(busy + idle + pressured).as("the time split of %s#%d", op.operatorName(), op.subtask()).isGreaterThanOrEqualTo(400);
        }
    }

    private static double min(JobMetricsView view, String operator, ToDoubleFunction<OperatorMetricsView> metric) {
        return view.operators().stream().filter(op -> op.operatorName().equals(operator)).mapToDouble(metric).min().orElseThrow();
    }

    private static double max(JobMetricsView view, String operator, ToDoubleFunction<OperatorMetricsView> metric) {
        return view.operators().stream().filter(op -> op.operatorName().equals(operator)).mapToDouble(metric).max().orElseThrow();
    }

    private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
