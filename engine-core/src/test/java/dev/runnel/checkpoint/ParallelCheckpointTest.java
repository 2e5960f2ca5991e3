package dev.runnel.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.CheckpointStats;
import dev.runnel.api.JobClient;
import dev.runnel.api.JobExecutionException;
import dev.runnel.api.JobResult;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.sink.CollectSink;
import dev.runnel.api.sink.TwoPhaseCommitSink;
import dev.runnel.api.source.GeneratorSource;
import dev.runnel.api.state.MapState;
import dev.runnel.api.state.MapStateDescriptor;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import dev.runnel.api.time.WatermarkStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints of jobs that run on several threads: barriers go in band through the exchange
 * queues and are aligned at each consumer, so a job killed at a random record in any subtask
 * resumes with exactly the state an uninterrupted run has there, at the same or at another
 * parallelism. The jobs emit only at the end of time (one timer per key), so comparing outputs
 * compares the restored state, timers, source position and watermarks of every stage.
 */
class ParallelCheckpointTest {
    private static final int RECORDS = 30_000;

    @TempDir
    Path dir;

    /**
     * First stage: counts per key and passes every value on. With a crash point it fails at its
     * {@code crashAfter}-th record or the first one after that when a checkpoint newer than
     * {@code newerThan} is on disk, so that every crash has a checkpoint of this run to go back to.
     */
    static final class CountAndForward extends KeyedProcessFunction<Long, Long, Long> {
        private final long crashAfter;
        private final String checkpoints;
        private final long newerThan;
        private long processed;
        private ValueState<Long> seen;

        CountAndForward(long crashAfter, Path checkpoints, long newerThan) {
            this.crashAfter = crashAfter;
            this.checkpoints = checkpoints == null ? null : checkpoints.toString();
            this.newerThan = newerThan;
        }

        @Override
        public void open(RuntimeContext rc) {
            seen = rc.getState(new ValueStateDescriptor<>("seen", Long.class));
        }

        @Override
        public void processElement(Long v, Context ctx, Collector<Long> out) throws Exception {
            if (crashAfter >= 0 && ++processed >= crashAfter && newestCheckpoint(Path.of(checkpoints)) > newerThan) {
                throw new IllegalStateException("injected crash at " + v + " after " + processed + " records");
            }
            seen.update(seen.value() == null ? 1 : seen.value() + 1);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            out.collect(v);
        }

        @Override
        public void onTimer(long ts, OnTimerContext ctx, Collector<Long> out) throws Exception {
            out.collect(-ctx.getCurrentKey() - 1_000 * seen.value()); // a distinct negative value per key and count
        }
    }

    static long newestCheckpoint(Path checkpoints) throws java.io.IOException {
        List<Long> ids = new CheckpointStorage(checkpoints, 2).completedIds();
        return ids.isEmpty() ? -1 : ids.get(ids.size() - 1);
    }

    /** Second stage: per key, a sum and a histogram of last digits, reported at the end of time. */
    static final class Summary extends KeyedProcessFunction<Long, Long, String> {
        private ValueState<Long> sum;
        private MapState<Long, Integer> digits;

        @Override
        public void open(RuntimeContext rc) {
            sum = rc.getState(new ValueStateDescriptor<>("sum", Long.class));
            digits = rc.getMapState(new MapStateDescriptor<>("digits", Long.class, Integer.class));
        }

        @Override
        public void processElement(Long v, Context ctx, Collector<String> out) throws Exception {
            sum.update((sum.value() == null ? 0 : sum.value()) + v);
            long digit = Math.abs(v % 10);
            digits.put(digit, digits.contains(digit) ? digits.get(digit) + 1 : 1);
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }

        @Override
        public void onTimer(long ts, OnTimerContext ctx, Collector<String> out) throws Exception {
            List<String> counts = new ArrayList<>();
            for (long d = 0; d < 10; d++) {
                counts.add(String.valueOf(digits.contains(d) ? digits.get(d) : 0));
            }
            out.collect(ctx.getCurrentKey() + " sum=" + sum.value() + " digits=" + String.join(",", counts));
        }
    }

    private record Run(List<String> output, CheckpointStats stats) {}

    private static Run run(int parallelism, long crashAfter, Path checkpoints, boolean restore) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        if (checkpoints != null) {
            env.enableCheckpointing(Duration.ZERO, new CheckpointStorage(checkpoints, 2)).setTolerableCheckpointFailures(0);
            if (restore) {
                env.fromCheckpoint(checkpoints);
            }
        }
        CollectSink<String> sink = new CollectSink<>();
        env.fromSource(GeneratorSource.bounded(RECORDS, i -> i * 7_919 % 1_000_003L),
                WatermarkStrategy.<Long>forBoundedOutOfOrderness(Duration.ofMillis(50)).withTimestampAssigner((v, ts) -> v % 100_000),
                "numbers")
            .keyBy(v -> v % 17)
            .process(new CountAndForward(crashAfter, checkpoints, checkpoints == null ? -1 : newestCheckpoint(checkpoints))).name("count")
            .keyBy(v -> Math.floorMod(v, 11L))
            .process(new Summary()).name("summary")
            .addSink(sink).name("out");
        JobResult result = env.execute("parallel-checkpoints");
        List<String> out = new ArrayList<>(sink.values());
        out.sort(null);
        return new Run(out, result.checkpoints());
    }

    /** Runs until a subtask of the first stage has seen {@code crashAfter} records and a new checkpoint exists. */
    private static void crash(int parallelism, long crashAfter, Path checkpoints) {
        assertThatThrownBy(() -> run(parallelism, crashAfter, checkpoints, Files.exists(checkpoints)))
            .as("crash after %d records at parallelism %d", crashAfter, parallelism)
            .isInstanceOf(JobExecutionException.class)
            .hasStackTraceContaining("injected crash");
    }

    @Test
    void crashInAParallelStageThenRestoreGivesTheUninterruptedOutput() throws Exception {
        List<String> expected = run(1, -1, null, false).output();
        assertThat(expected).hasSize(11);
        Random random = new Random(42);
        for (int parallelism : new int[] {2, 4}) {
            assertThat(run(parallelism, -1, null, false).output()).isEqualTo(expected);
            for (int attempt = 0; attempt < 4; attempt++) {
                Path checkpoints = dir.resolve("p" + parallelism + "-" + attempt);
                long crashIndex = 1_000 + random.nextInt(RECORDS / parallelism - 2_000);
                crash(parallelism, crashIndex, checkpoints);
                assertThat(new CheckpointStorage(checkpoints, 2).completedIds()).isNotEmpty();
                assertThat(run(parallelism, -1, checkpoints, true).output())
                    .as("parallelism %d, crash at record %d", parallelism, crashIndex)
                    .isEqualTo(expected);
            }
        }
    }

    @Test
    void restoringAtAnotherParallelismRedistributesKeyGroups() throws Exception {
        List<String> expected = run(1, -1, null, false).output();
        Path checkpoints = dir.resolve("rescale");
        crash(1, 9_000, checkpoints);       // checkpoints written at parallelism 1
        crash(2, 3_000, checkpoints);       // restored at 2, checkpoints written at 2
        crash(3, 2_000, checkpoints);       // restored at 3 from 2
        assertThat(run(1, -1, checkpoints, true).output()).isEqualTo(expected); // and back to 1
    }

    @Test
    void statisticsReportCompletedCheckpointsWithDurationAndSize() throws Exception {
        Run run = run(2, -1, dir.resolve("stats"), false);
        assertThat(run.stats().completed()).isPositive();
        assertThat(run.stats().failed()).isZero();
        List<Long> onDisk = new CheckpointStorage(dir.resolve("stats"), 2).completedIds();
        assertThat(run.stats().lastCompletedId()).isEqualTo(onDisk.get(onDisk.size() - 1));
        assertThat(run.stats().lastSizeBytes()).isPositive();
        assertThat(run.stats().unmatchedRestoredState()).isEmpty();
    }

    /** Discards records and counts the commits its writers hear: each is a completed checkpoint. */
    static final class CommitCounter implements TwoPhaseCommitSink<Long> {
        final CountDownLatch commits;

        CommitCounter(int expected) {
            this.commits = new CountDownLatch(expected);
        }

        @Override
        public Writer<Long> createWriter(int subtask, List<byte[]> restored) {
            return new Writer<>() {
                @Override
                public void write(Long value, long timestamp) {}

                @Override
                public byte[] preCommit(long checkpointId) {
                    return new byte[0];
                }

                @Override
                public void commit(long checkpointId) {
                    commits.countDown();
                }

                @Override
                public void finish() {}

                @Override
                public void close() {}
            };
        }
    }

    @Test
    void anUnboundedParallelJobKeepsCheckpointingUntilCancelled() throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2)
            .enableCheckpointing(Duration.ZERO, new CheckpointStorage(dir.resolve("unbounded"), 2));
        // each of the two sink writers hears at most one commit per completed checkpoint: six mean three at least
        CommitCounter sink = new CommitCounter(6);
        env.fromSource(GeneratorSource.unbounded(i -> i), WatermarkStrategy.<Long>forMonotonousTimestamps()
                .withTimestampAssigner((v, ts) -> v), "n")
            .keyBy(v -> v % 5)
            .process(new CountAndForward(-1, null, -1)).name("count")
            .addSink(sink).name("out");
        JobClient client = env.executeAsync("unbounded");
        boolean committed = sink.commits.await(60, TimeUnit.SECONDS);
        client.cancel();
        client.await();
        assertThat(committed).as("six commits heard").isTrue();
        assertThat(client.checkpointStats().completed()).isGreaterThanOrEqualTo(3);
    }
}
