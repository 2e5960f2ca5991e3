package dev.runnel.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.configuration.ExternalizedCheckpointRetention;
import dev.runnel.api.sink.DiscardingSink;
import dev.runnel.api.source.GeneratorSource;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.checkpoint.CheckpointStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flink's {@code getCheckpointConfig()} setters, {@code CheckpointingMode} and {@code JobExecutionResult} on Runnel. */
class CheckpointConfigTest {
    @TempDir Path dir;

    private static JobResult runCounting(StreamEnvironment env, long records) {
        env.fromSource(GeneratorSource.bounded(records, i -> i), WatermarkStrategy.noWatermarks(), "numbers")
            .map(v -> v + 1).sinkTo(new DiscardingSink<>());
        return env.execute("numbers");
    }

    @Test
    void aStorageDirectoryGivenAsAFileUriReceivesTheCheckpointsAndKeepsTheNewest() throws Exception {
        StreamEnvironment env = StreamEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(10, CheckpointingMode.AT_LEAST_ONCE);
        assertThat(env.getCheckpointConfig().getCheckpointingMode()).isEqualTo(CheckpointingMode.AT_LEAST_ONCE);
        assertThat(env.getCheckpointConfig().getCheckpointInterval()).isEqualTo(10);

        // a checkpoint after every round of source polls, so that this short job takes several; the directory set last wins
        env.enableCheckpointing(Duration.ZERO, new CheckpointStorage(dir.resolve("replaced"), 1));
        env.getCheckpointConfig().setCheckpointStorage(dir.resolve("kept").toUri().toString());
        env.getCheckpointConfig().setExternalizedCheckpointRetention(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        assertThat(env.getCheckpointStorage().directory()).isEqualTo(dir.resolve("kept"));

        JobResult result = runCounting(env, 200_000);
        assertThat(result.checkpoints().completed()).isGreaterThan(1);
        try (var files = Files.list(dir.resolve("kept"))) {
            assertThat(files.map(f -> f.getFileName().toString())).singleElement().asString().matches("chk-\\d{19}\\.ckp");
        }
        assertThat(dir.resolve("replaced")).doesNotExist();
    }

    @Test
    void aPlainPathIsADirectoryAndOtherFileSystemsAreRefusedWithOneLine() {
        CheckpointConfig config = StreamEnvironment.create().enableCheckpointing(1000).getCheckpointConfig();
        config.setCheckpointStorage(dir.resolve("ck").toString());
        assertThat(config.getCheckpointStorage().directory()).isEqualTo(dir.resolve("ck"));

        assertThatThrownBy(() -> config.setCheckpointStorage("hdfs://namenode:8020/flink/checkpoints"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("Checkpoint storage 'hdfs://namenode:8020/flink/checkpoints' is not a local directory: Runnel writes "
                + "checkpoints to local files only (use a path or a file: URI)");
    }

    @Test
    void theMinimumPauseHoldsBackTheNextCheckpoint() {
        StreamEnvironment eager = StreamEnvironment.create();
        eager.enableCheckpointing(Duration.ZERO, new CheckpointStorage(dir.resolve("eager"), 1));
        assertThat(runCounting(eager, 200_000).checkpoints().completed()).isGreaterThan(1);

        StreamEnvironment paused = StreamEnvironment.create();
        paused.enableCheckpointing(Duration.ZERO, new CheckpointStorage(dir.resolve("paused"), 1));
        paused.getCheckpointConfig().setMinPauseBetweenCheckpoints(TimeUnit.HOURS.toMillis(1));
        assertThat(runCounting(paused, 200_000).checkpoints().completed()).isEqualTo(1);
    }

    @Test
    void settingsWithoutMeaningInOneProcessAreAcceptedAndKept() {
        CheckpointConfig config = StreamEnvironment.create().getCheckpointConfig();
        assertThat(config.isCheckpointingEnabled()).isFalse();
        assertThat(config.getCheckpointInterval()).isEqualTo(-1);
        config.setCheckpointTimeout(60_000);
        config.setMaxConcurrentCheckpoints(3);
        config.enableUnalignedCheckpoints();
        config.setTolerableCheckpointFailureNumber(2);
        config.setExternalizedCheckpointCleanup(CheckpointConfig.ExternalizedCheckpointCleanup.DELETE_ON_CANCELLATION);
        assertThat(config.getCheckpointTimeout()).isEqualTo(60_000);
        assertThat(config.getMaxConcurrentCheckpoints()).isEqualTo(3);
        assertThat(config.isUnalignedCheckpointsEnabled()).isTrue();
        assertThat(config.getTolerableCheckpointFailureNumber()).isEqualTo(2);
        assertThat(config.getExternalizedCheckpointRetention()).isEqualTo(ExternalizedCheckpointRetention.DELETE_ON_CANCELLATION);

        assertThatThrownBy(() -> config.setMinPauseBetweenCheckpoints(-1)).hasMessage("Pause value must be zero or positive, got -1");
        assertThatThrownBy(() -> config.setMaxConcurrentCheckpoints(0))
            .hasMessage("The maximum number of concurrent attempts must be at least one, got 0");
        assertThatThrownBy(() -> config.setTolerableCheckpointFailureNumber(-1))
            .hasMessage("The tolerable failure checkpoint number must be non-negative, got -1");
    }

    @Test
    void retainingCheckpointsInTheTemporaryDirectoryCannotBeHonouredAndFailsTheJobAtStart() {
        StreamEnvironment env = StreamEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(1000);
        env.getCheckpointConfig().setExternalizedCheckpointCleanup(CheckpointConfig.ExternalizedCheckpointCleanup.RETAIN_ON_CANCELLATION);
        assertThatThrownBy(() -> runCounting(env, 10)).isInstanceOf(IllegalStateException.class)
            .hasMessage("RETAIN_ON_CANCELLATION needs a checkpoint directory that outlives the process: call "
                + "getCheckpointConfig().setCheckpointStorage(\"file:///...\") (the default directory is deleted when the JVM exits)");
    }

    @Test
    void executeReturnsFlinksJobExecutionResultWithTheNetRuntime() {
        StreamEnvironment env = StreamEnvironment.getExecutionEnvironment();
        env.fromData(1, 2, 3).sinkTo(new DiscardingSink<>());
        JobExecutionResult result = env.execute("x");

        assertThat(result.getNetRuntime()).isEqualTo(((JobResult) result).duration().toMillis());
        assertThat(result.getNetRuntime(TimeUnit.MICROSECONDS)).isEqualTo(result.getNetRuntime() * 1000);
        assertThat(result.isJobExecutionResult()).isTrue();
        assertThat(result.getJobExecutionResult()).isSameAs(result);
        assertThat((Object) result.getAccumulatorResult("count")).isNull();
        assertThat(result.getAllAccumulatorResults()).isEmpty();
    }

    /** The end is stamped before the job counts as done: await() once read it unset, giving a negative runtime. */
    @Test
    void theRuntimeOfJobsThatEndAtOnceIsNeverNegative() {
        for (int i = 0; i < 300; i++) {
            StreamEnvironment env = StreamEnvironment.getExecutionEnvironment();
            env.fromData(i).sinkTo(new DiscardingSink<>());
            assertThat(((JobResult) env.execute("tiny " + i)).duration().isNegative()).as("negative runtime of job %d", i).isFalse();
        }
    }
}
