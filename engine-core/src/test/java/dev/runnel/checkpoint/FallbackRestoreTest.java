package dev.runnel.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.CheckpointStats;
import dev.runnel.api.JobResult;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.Sink;
import dev.runnel.api.sink.ExactlyOnceFileSink;
import dev.runnel.api.sink.TwoPhaseCommitSink;
import dev.runnel.api.source.GeneratorSource;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.checkpoint.CrashLoop.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Restoring when the newest checkpoint file is damaged: the job resumes from the previous one, says
 * so in its result, and its exactly-once sink rolls back what it committed after that checkpoint,
 * so the output is still the uninterrupted run's. And a restore with nothing to restore fails with
 * a message that says what to do. ({@link FallbackRestoreKillNineTest} does the same to a killed process.)
 */
class FallbackRestoreTest {
    private static final long RECORDS = 10_000;

    @TempDir
    Path dir;

    private JobResult run(Path out, Path checkpoints, boolean restore, int parallelism) {
        return run(ExactlyOnceFileSink.lines(out, e -> e.key() % 100 + "@" + e.index() + "=" + e.value()), checkpoints, restore, parallelism);
    }

    private JobResult run(Sink<Event> sink, Path checkpoints, boolean restore, int parallelism) {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism)
            .enableCheckpointing(Duration.ZERO, new CheckpointStorage(checkpoints, 3));
        if (restore) {
            env.fromCheckpoint(checkpoints);
        }
        env.fromSource(GeneratorSource.bounded(RECORDS, Event::of), CrashLoop.eventWatermarks(), "events")
            .keyBy(e -> e.key() % 100)
            .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
            .reduce((a, b) -> new Event(a.index(), a.key(), a.type(), a.value() + b.value(), Math.max(a.timestamp(), b.timestamp())))
            .name("sums")
            .addSink(sink).name("out");
        return env.execute("fallback");
    }

    @Test
    void aRestoreThatSkipsATruncatedNewestCheckpointWritesNoOutputTwiceAndReportsTheFallback() throws Exception {
        Path out = dir.resolve("out");
        Path checkpoints = dir.resolve("checkpoints");
        run(out, checkpoints, false, 2);
        List<String> uninterrupted = ExactlyOnceFileSink.readCommitted(out);
        assertThat(uninterrupted).hasSizeGreaterThan(1_000);
        List<Long> ids = new CheckpointStorage(checkpoints, 3).completedIds();
        long newest = ids.get(ids.size() - 1);
        Path newestFile = checkpoints.resolve(CheckpointStorage.fileName(newest));
        byte[] bytes = Files.readAllBytes(newestFile);
        Files.write(newestFile, Arrays.copyOf(bytes, bytes.length / 2));

        JobResult restored = run(out, checkpoints, true, 2);

        CheckpointStats stats = restored.checkpoints();
        assertThat(stats.restoredCheckpointId()).isEqualTo(ids.get(ids.size() - 2));
        assertThat(stats.restoreFellBack()).isTrue();
        assertThat(stats.skippedCheckpoints()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(newest);
            assertThat(s.reason()).contains(newestFile.getFileName().toString()).contains("truncated");
        });
        assertThat(restored.describe())
            .contains("restored from checkpoint " + ids.get(ids.size() - 2))
            .contains("skipped damaged checkpoint " + newest);
        List<String> committed = ExactlyOnceFileSink.readCommitted(out);
        assertThat(committed).as("no duplicates, no gaps, same order within each subtask").isEqualTo(uninterrupted);
    }

    @ParameterizedTest(name = "from parallelism {0} to {1}")
    @CsvSource({"2, 1", "1, 2"})
    void aFallbackRestoreAtAnotherParallelismWritesNoOutputTwice(int parallelism, int restoredParallelism) throws Exception {
        Path out = dir.resolve("out");
        Path checkpoints = dir.resolve("checkpoints");
        run(out, checkpoints, false, parallelism);
        List<String> uninterrupted = ExactlyOnceFileSink.readCommitted(out).stream().sorted().toList();
        List<Long> ids = new CheckpointStorage(checkpoints, 3).completedIds();
        Files.write(checkpoints.resolve(CheckpointStorage.fileName(ids.get(ids.size() - 1))), new byte[] {1, 2, 3});

        CheckpointStats stats = run(out, checkpoints, true, restoredParallelism).checkpoints();

        assertThat(stats.restoredCheckpointId()).isEqualTo(ids.get(ids.size() - 2));
        assertThat(ExactlyOnceFileSink.readCommitted(out).stream().sorted().toList())
            .as("the same records; subtasks differ, so compared sorted").isEqualTo(uninterrupted);
    }

    @Test
    void aRestoreOfTheNewestCheckpointReportsItAndSkipsNothing() throws Exception {
        Path out = dir.resolve("out");
        Path checkpoints = dir.resolve("checkpoints");
        run(out, checkpoints, false, 1);
        long newest = new CheckpointStorage(checkpoints, 3).latest().checkpoint().orElseThrow().id();

        CheckpointStats stats = run(out, checkpoints, true, 1).checkpoints();

        assertThat(stats.restoredCheckpointId()).isEqualTo(newest);
        assertThat(stats.skippedCheckpoints()).isEmpty();
        assertThat(stats.restoreFellBack()).isFalse();
    }

    @Test
    void aJobThatDoesNotRestoreReportsNoRestoredCheckpoint() throws Exception {
        CheckpointStats stats = run(dir.resolve("out"), dir.resolve("checkpoints"), false, 1).checkpoints();
        assertThat(stats.restoredCheckpointId()).isEqualTo(-1);
        assertThat(stats.skippedCheckpoints()).isEmpty();
    }

    /** A two-phase sink that keeps the default recover(), which rolls nothing back. */
    private static final class DiscardingTwoPhaseSink implements TwoPhaseCommitSink<Event> {
        @Override
        public Writer<Event> createWriter(int subtask, List<byte[]> restored) {
            return new Writer<>() {
                @Override
                public void write(Event value, long timestamp) {}

                @Override
                public byte[] preCommit(long checkpointId) {
                    return new byte[0];
                }

                @Override
                public void commit(long checkpointId) {}

                @Override
                public void finish() {}

                @Override
                public void close() {}
            };
        }
    }

    @Test
    void aFallbackRestoreIsRefusedWhenATwoPhaseSinkCannotRollBackAndTheMessageSaysWhatToDo() throws Exception {
        Path checkpoints = dir.resolve("checkpoints");
        run(new DiscardingTwoPhaseSink(), checkpoints, false, 1);
        List<Long> ids = new CheckpointStorage(checkpoints, 3).completedIds();
        Files.write(checkpoints.resolve(CheckpointStorage.fileName(ids.get(ids.size() - 1))), new byte[] {1, 2, 3});

        assertThatThrownBy(() -> run(new DiscardingTwoPhaseSink(), checkpoints, true, 1))
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("Cannot restore checkpoint " + ids.get(ids.size() - 2))
            .hasMessageContaining("sink 'out'")
            .hasMessageContaining("does not implement TwoPhaseCommitSink.recover")
            .hasMessageContaining("remove the damaged file(s)");
        Files.delete(checkpoints.resolve(CheckpointStorage.fileName(ids.get(ids.size() - 1))));
        assertThat(run(new DiscardingTwoPhaseSink(), checkpoints, true, 1).checkpoints().restoredCheckpointId())
            .as("without the damaged file it is an ordinary restore").isEqualTo(ids.get(ids.size() - 2));
    }

    @Test
    void fromCheckpointOnAnEmptyDirectoryFailsWithCheckpointNotFoundSayingWhatToDo() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> run(dir.resolve("out"), empty, true, 1))
            .isInstanceOf(CheckpointNotFoundException.class)
            .hasMessageStartingWith("Cannot restore: there is no checkpoint in " + empty)
            .hasMessageContaining("to start without state, leave fromCheckpoint out")
            .satisfies(e -> assertThat(((CheckpointNotFoundException) e).skipped()).isEmpty());
        assertThat(ExactlyOnceFileSink.readCommitted(dir.resolve("out"))).as("nothing ran").isEmpty();
    }

    @Test
    void fromCheckpointWhereEveryCheckpointIsDamagedNamesEachAndSaysWhatToDo() throws Exception {
        Path checkpoints = dir.resolve("checkpoints");
        CheckpointStorage storage = new CheckpointStorage(checkpoints, 3);
        storage.write(1, new byte[] {1});
        storage.write(2, new byte[] {2});
        for (long id : storage.completedIds()) {
            Files.write(checkpoints.resolve(CheckpointStorage.fileName(id)), new byte[] {0});
        }
        assertThatThrownBy(() -> run(dir.resolve("out"), checkpoints, true, 1))
            .isInstanceOf(CheckpointNotFoundException.class)
            .hasMessageContaining("none of the 2 checkpoint file(s) in " + checkpoints)
            .hasMessageContaining("checkpoint 2: ").hasMessageContaining("checkpoint 1: ")
            .hasMessageContaining("give exactly-once sinks a new output directory");
    }
}
