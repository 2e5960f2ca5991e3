package dev.runnel.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.JobExecutionException;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.source.Source;
import dev.runnel.api.source.SourceOutput;
import dev.runnel.api.source.SourceStatus;
import dev.runnel.api.state.ListState;
import dev.runnel.api.state.ListStateDescriptor;
import dev.runnel.api.time.ManualClock;
import dev.runnel.api.time.WatermarkStrategy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint taken while a periodic watermark is still going out in steps holds the timers those
 * steps have yet to fire and the steps themselves: a job that crashes and restores fires them where
 * an uninterrupted run fires them, so every key sees its records and timers in the same order, at
 * the same watermarks.
 */
class WatermarkStepRestoreTest {
    private static final int RECORDS = 2_000;

    @TempDir
    Path dir;

    /**
     * Record i has timestamp i; four records per poll; every 40 records processing time moves on by
     * the 10 ms watermark interval. With 2 timers per step a periodic watermark (40 timers) takes
     * about 20 steps, one per poll, so steps are pending in most rounds, where checkpoints are taken.
     */
    static final class TimedNumbers implements Source<Long> {
        private long next;

        @Override
        public boolean isBounded() {
            return true;
        }

        @Override
        public SourceStatus poll(SourceOutput<Long> out, int max) {
            for (int i = 0; i < 4 && next < RECORDS; i++) {
                long v = next++;
                out.collect(v, v);
                if (next % 40 == 0) {
                    out.advanceProcessingTimeTo(next / 40 * 10);
                }
            }
            return next < RECORDS ? SourceStatus.MORE_AVAILABLE : SourceStatus.END_OF_INPUT;
        }

        @Override
        public long position() {
            return next;
        }

        @Override
        public void restorePosition(long position) {
            next = position;
        }
    }

    /** Per key, the order of its records and timers with the watermark each saw, emitted at the end of input. */
    static final class OrderLog extends KeyedProcessFunction<Long, Long, String> {
        private transient ListState<String> log;

        @Override
        public void open(RuntimeContext rc) {
            log = rc.getListState(new ListStateDescriptor<>("log", String.class));
        }

        @Override
        public void processElement(Long v, Context ctx, Collector<String> out) throws Exception {
            log.add("r" + v + "@" + ctx.timerService().currentWatermark());
            ctx.timerService().registerEventTimeTimer(v + 3);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }

        @Override
        public void onTimer(long ts, OnTimerContext ctx, Collector<String> out) throws Exception {
            if (ts == Long.MAX_VALUE) {
                out.collect(ctx.getCurrentKey() + ": " + String.join(" ", log.get()));
            } else {
                log.add("t" + ts + "@" + ctx.timerService().currentWatermark());
            }
        }
    }

    private static List<String> run(int timersPerStep, long crashAt, CheckpointStorage storage, Path restoreFrom) {
        StreamEnvironment env = StreamEnvironment.create(new ManualClock()).setAutoWatermarkInterval(Duration.ofMillis(10));
        env.getConfig().setTimersPerWatermarkStep(timersPerStep);
        if (storage != null) {
            env.enableCheckpointing(Duration.ZERO, storage).setTolerableCheckpointFailures(0);
        }
        if (restoreFrom != null) {
            env.fromCheckpoint(restoreFrom);
        }
        return env.fromSource(new TimedNumbers(), WatermarkStrategy.forMonotonousTimestamps(), "numbers")
            .map(v -> {
                if (v == crashAt) {
                    throw new IllegalStateException("injected crash at " + v);
                }
                return v;
            }).name("crash")
            .keyBy(v -> v % 7)
            .process(new OrderLog()).name("log")
            .executeAndCollect();
    }

    @Test
    void crashWhileStepsArePendingThenRestoreGivesTheUninterruptedOrder() {
        List<String> expected = run(2, -1, null, null);
        assertThat(expected).hasSize(7);
        // the steps matter: without them timers fire at other watermarks, among other records
        assertThat(run(0, -1, null, null)).isNotEqualTo(expected);
        Random random = new Random(20_261_207);
        for (int attempt = 0; attempt < 6; attempt++) {
            long crashAt = 200 + random.nextInt(RECORDS - 200);
            Path checkpoints = dir.resolve("attempt" + attempt);
            assertThatThrownBy(() -> run(2, crashAt, new CheckpointStorage(checkpoints, 2), null))
                .isInstanceOf(JobExecutionException.class)
                .hasStackTraceContaining("injected crash");
            List<String> resumed = run(2, -1, new CheckpointStorage(checkpoints, 2), checkpoints);
            assertThat(resumed).as("attempt %d, crash at record %d", attempt, crashAt).isEqualTo(expected);
        }
    }
}
