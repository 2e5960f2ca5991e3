package dev.runnel.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.sink.ExactlyOnceFileSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fallback restore with a real crash: a W1-like {@link KillNineJob} in a child JVM is killed with
 * SIGKILL at random records; after each kill the newest checkpoint file is truncated, as a disk
 * that lost its last write leaves it, and the job is restarted. The restore falls back to the
 * previous checkpoint while the exactly-once sink had already committed the truncated one's output:
 * the sink must roll that back, so that the committed output equals an uninterrupted run's, record
 * for record. Each restored attempt must say so in its log (slf4j WARN) and its checkpoint stats.
 */
class FallbackRestoreKillNineTest {
    private static final long RECORDS = 150_000;
    private static final int KILLS = 2;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void aKilledJobRestoredPastATruncatedNewestCheckpointCommitsExactlyTheUninterruptedOutput(int parallelism) throws Exception {
        Path expectedDir = dir.resolve("uninterrupted");
        KillNineJob.run("w1", expectedDir, null, RECORDS, -1, parallelism);
        List<String> expected = ExactlyOnceFileSink.readCommitted(expectedDir);
        assertThat(expected).hasSizeGreaterThan(10_000);
        Path out = dir.resolve("out");
        Path checkpoints = dir.resolve("checkpoints");
        List<Long> truncated = new ArrayList<>();

        KillNine.killRestartAndCompare(dir, out, 20_261_207L + parallelism, KILLS, 5_000, 60_000, expected,
            pause -> List.of(KillNineJob.class.getName(), "w1", out.toString(), checkpoints.toString(), Long.toString(RECORDS),
                Long.toString(pause), Integer.toString(parallelism)),
            attempt -> truncated.add(truncateNewest(checkpoints)));

        boolean rolledBack = false;
        for (int attempt = 1; attempt <= KILLS; attempt++) {
            String log = Files.readString(dir.resolve("attempt-" + attempt + ".log"));
            long damaged = truncated.get(attempt - 1);
            assertThat(log).as("attempt %d's log", attempt)
                .containsPattern("WARN dev.runnel.runtime.CheckpointRestore - Restoring checkpoint \\d+ .*, not the newest: skipped \\[checkpoint "
                    + damaged + ": .*truncated");
            rolledBack |= log.contains("WARN dev.runnel.api.sink.ExactlyOnceFileSink - Rolled back");
        }
        assertThat(rolledBack).as("some restore rolled back output the sink had committed for a truncated checkpoint").isTrue();
        assertThat(Files.readString(dir.resolve("attempt-" + KILLS + ".log"))).as("the last attempt's checkpoint stats")
            .contains("skippedCheckpoints=[checkpoint " + truncated.get(KILLS - 1) + ": ");
    }

    /** Cuts the newest checkpoint file in half; returns its id. */
    private static long truncateNewest(Path checkpoints) throws Exception {
        List<Long> ids = new CheckpointStorage(checkpoints, 3).completedIds();
        assertThat(ids).as("checkpoints before the kill").hasSizeGreaterThan(1);
        long newest = ids.get(ids.size() - 1);
        Path file = checkpoints.resolve(CheckpointStorage.fileName(newest));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        return newest;
    }
}
