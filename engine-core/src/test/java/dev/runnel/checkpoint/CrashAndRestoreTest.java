package dev.runnel.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.JobExecutionException;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.source.GeneratorSource;
import dev.runnel.api.source.Source;
import dev.runnel.api.source.SourceOutput;
import dev.runnel.api.source.SourceStatus;
import dev.runnel.api.state.ListState;
import dev.runnel.api.state.ListStateDescriptor;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job killed by an exception at a random record resumes from its last checkpoint and ends with
 * exactly the output of an uninterrupted run. The job emits only at end of input (timers at the
 * end of time), so the output compares state, timers, source position and watermarks, not the
 * at-least-once sink.
 */
class CrashAndRestoreTest {
    private static final int RECORDS = 6_000;

    @TempDir
    Path dir;

    /** Per key: sum, count, how many per-second event-time timers fired, and the last three values seen. */
    static final class Totals extends KeyedProcessFunction<Long, Long, String> {
        private ValueState<Long> sum;
        private ValueState<Long> count;
        private ValueState<Long> timersFired;
        private ListState<Long> recent;

        @Override
        public void open(RuntimeContext rc) {
            sum = rc.getState(new ValueStateDescriptor<>("sum", Long.class));
            count = rc.getState(new ValueStateDescriptor<>("count", Long.class));
            timersFired = rc.getState(new ValueStateDescriptor<>("timersFired", Long.class));
            recent = rc.getListState(new ListStateDescriptor<>("recent", Long.class));
        }

        @Override
        public void processElement(Long v, Context ctx, Collector<String> out) throws Exception {
            sum.update((sum.value() == null ? 0 : sum.value()) + v);
            count.update((count.value() == null ? 0 : count.value()) + 1);
            recent.add(v);
            ctx.timerService().registerEventTimeTimer(ctx.timestamp() / 1_000 * 1_000 + 999);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }

        @Override
        public void onTimer(long ts, OnTimerContext ctx, Collector<String> out) throws Exception {
            if (ts == Long.MAX_VALUE) {
                out.collect(ctx.getCurrentKey() + " sum=" + sum.value() + " count=" + count.value()
                    + " timers=" + timersFired.value() + " recent=" + recent.get());
                return;
            }
            timersFired.update((timersFired.value() == null ? 0 : timersFired.value()) + 1);
            recent.update(List.of(ts)); // a timer rewrites list state: the restore must see it
        }
    }

    private static List<String> collect(long crashAt, CheckpointStorage storage, Path restoreFrom) {
        StreamEnvironment env = StreamEnvironment.create();
        if (storage != null) {
            env.enableCheckpointing(Duration.ZERO, storage).setTolerableCheckpointFailures(0);
        }
        if (restoreFrom != null) {
            env.fromCheckpoint(restoreFrom);
        }
        return env.fromSource(GeneratorSource.bounded(RECORDS, i -> i * 7 % 1_000_003L),
                WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofMillis(50)).withTimestampAssigner((v, ts) -> v % 100_000),
                "numbers")
            .map(v -> {
                if (v == crashAt) {
                    throw new IllegalStateException("injected crash at " + v);
                }
                return v;
            }).name("crash")
            .keyBy(v -> v % 13)
            .process(new Totals()).name("totals")
            .executeAndCollect();
    }

    @Test
    void crashAtARandomRecordThenRestoreGivesTheUninterruptedOutput() throws IOException {
        List<String> expected = collect(-1, null, null);
        assertThat(expected).hasSize(13);
        Random random = new Random(20_261_122);
        for (int attempt = 0; attempt < 8; attempt++) {
            long crashIndex = 600 + random.nextInt(RECORDS - 600);
            long crashValue = crashIndex * 7 % 1_000_003L;
            Path checkpoints = dir.resolve("attempt" + attempt);
            CheckpointStorage storage = new CheckpointStorage(checkpoints, 2);
            assertThatThrownBy(() -> collect(crashValue, storage, null))
                .as("attempt %d crashes at record %d", attempt, crashIndex)
                .isInstanceOf(JobExecutionException.class)
                .hasStackTraceContaining("injected crash");
            assertThat(storage.completedIds()).isNotEmpty();
            List<String> resumed = collect(-1, new CheckpointStorage(checkpoints, 2), checkpoints);
            assertThat(resumed).as("attempt %d, crash at record %d", attempt, crashIndex).isEqualTo(expected);
        }
    }

    @Test
    void aCorruptedNewestCheckpointFallsBackToThePreviousOne() throws IOException {
        List<String> expected = collect(-1, null, null);
        CheckpointStorage storage = new CheckpointStorage(dir, 3);
        assertThatThrownBy(() -> collect(4_000L * 7, storage, null)).isInstanceOf(JobExecutionException.class);
        List<Long> ids = storage.completedIds();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(2);
        Path newest = dir.resolve(CheckpointStorage.fileName(ids.get(ids.size() - 1)));
        byte[] bytes = Files.readAllBytes(newest);
        bytes[bytes.length / 2] ^= 1;
        Files.write(newest, bytes);
        assertThat(collect(-1, null, dir)).isEqualTo(expected);
    }

    @Test
    void aJobWithASourceThatCannotResumeIsRefusedByName() {
        Source<Long> unresumable = new Source<>() {
            private long next;

            @Override
            public boolean isBounded() {
                return true;
            }

            @Override
            public SourceStatus poll(SourceOutput<Long> output, int maxRecords) {
                output.collect(next++);
                return next < 10 ? SourceStatus.MORE_AVAILABLE : SourceStatus.END_OF_INPUT;
            }
        };
        StreamEnvironment env = StreamEnvironment.create();
        env.enableCheckpointing(Duration.ZERO, new CheckpointStorage(dir, 1));
        env.fromSource(unresumable, WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((v, ts) -> v), "queue")
            .keyBy(v -> v % 2)
            .window(TumblingEventTimeWindows.of(Duration.ofMillis(5)))
            .reduce(Long::sum).name("sums")
            .print();
        assertThatThrownBy(() -> env.execute("refused"))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("source 'queue'")
            .hasMessageContaining("no resumable position");
    }
}
