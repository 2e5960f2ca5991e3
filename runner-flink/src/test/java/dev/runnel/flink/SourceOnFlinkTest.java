package dev.runnel.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.sink.ExactlyOnceFileSink;
import dev.runnel.api.source.Source;
import dev.runnel.api.source.SourceOutput;
import dev.runnel.api.source.SourceStatus;
import dev.runnel.api.time.WatermarkStrategy;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Runnel source on Flink is a FLIP-27 source whose split carries the source's position: after a
 * failure Flink restores the reader from its last checkpoint and the source continues from there, so
 * exactly-once output equals an uninterrupted run's.
 */
class SourceOnFlinkTest {
    private static final int COUNT = 3_000;
    private static final int HALF = COUNT / 2;
    /** The position of the source's last snapshot, the one a completed checkpoint holds. */
    private static final AtomicLong SNAPSHOTTED = new AtomicLong();
    /** Set once a checkpoint with the source past its start completed; the second half waits for it. */
    private static final AtomicBoolean CHECKPOINTED_MID_INPUT = new AtomicBoolean();
    private static final AtomicBoolean FAILED = new AtomicBoolean();
    private static final AtomicLong RESTORED_FROM = new AtomicLong(-1);

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aFailedJobResumesTheSourceAtItsCheckpointedPosition() throws Exception {
        Path out = dir.resolve("sums");
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2).enableCheckpointing(50);
        env.fromSource(new CountingSource(), WatermarkStrategy.noWatermarks(), "numbers")
            .map(SourceOnFlinkTest::failOnceAfterACheckpoint).name("fail once")
            .keyBy(i -> i % 3)
            .reduce(Long::sum).name("running sums")
            .addSink(ExactlyOnceFileSink.lines(out, (Function<Long, String> & Serializable) sum -> Long.toString(sum))).name("out");

        FlinkRunner.execute(env, "resume");

        assertThat(FAILED).isTrue();
        assertThat(RESTORED_FROM.get()).isBetween(1L, (long) HALF); // resumed mid-input, not from the start
        assertThat(FlinkParts.committedLinesSorted(out)).isEqualTo(runningSums());
    }

    /** Fails the job once, at the first value of the second half (which comes after a checkpoint mid-input). */
    private static long failOnceAfterACheckpoint(long value) {
        if (value >= HALF && FAILED.compareAndSet(false, true)) {
            throw new IllegalStateException("the test's one failure, at " + value);
        }
        return value;
    }

    /** Every running sum of 0..COUNT-1 keyed by value mod 3, as strings, sorted. */
    private static List<String> runningSums() {
        Map<Long, Long> sums = new HashMap<>();
        List<String> lines = new ArrayList<>();
        for (long i = 0; i < COUNT; i++) {
            lines.add(Long.toString(sums.merge(i % 3, i, Long::sum)));
        }
        lines.sort(null);
        return lines;
    }

    /**
     * 0..COUNT-1, ten a poll; after the first half it waits (nothing available) until a checkpoint
     * that holds a position past the start has completed, so the failure comes after one.
     */
    private static final class CountingSource implements Source<Long> {
        private long next;

        @Override
        public boolean isBounded() {
            return true;
        }

        @Override
        public void open(dev.runnel.api.source.SourceContext context) {
            next = 0;
        }

        @Override
        public SourceStatus poll(SourceOutput<Long> output, int maxRecords) {
            if (next == COUNT) {
                return SourceStatus.END_OF_INPUT;
            }
            if (next == HALF && !CHECKPOINTED_MID_INPUT.get()) {
                return SourceStatus.NOTHING_AVAILABLE;
            }
            for (long end = Math.min(next < HALF ? HALF : COUNT, next + 10); next < end; next++) {
                output.collect(next);
            }
            return SourceStatus.MORE_AVAILABLE;
        }

        @Override
        public long position() {
            return next;
        }

        @Override
        public void snapshotPosition(DataOutput out) throws IOException {
            SNAPSHOTTED.set(next);
            out.writeLong(next);
        }

        @Override
        public void restorePosition(long position) {
            RESTORED_FROM.set(position);
            next = position;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            if (SNAPSHOTTED.get() > 0) {
                CHECKPOINTED_MID_INPUT.set(true);
            }
        }
    }
}
