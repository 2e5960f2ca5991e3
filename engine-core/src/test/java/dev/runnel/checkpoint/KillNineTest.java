package dev.runnel.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.sink.ExactlyOnceFileSink;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: a W1- or W3-like {@link KillNineJob} runs in a child JVM that is killed with SIGKILL
 * at random records, five times, and restarted from its checkpoint directory each time (see
 * {@link KillNine}). What its exactly-once file sink committed must equal an uninterrupted run's
 * output: no duplicates, no holes, nothing from the killed attempts after their last checkpoint.
 */
class KillNineTest {
    private static final long RECORDS = 400_000;

    @TempDir
    Path dir;

    @Test
    void tumblingWindowsLikeW1KilledAtRandomRecordsCommitExactlyTheUninterruptedOutput() throws Exception {
        killAndCompare("w1", 10_000);
    }

    @Test
    void sessionWindowsLikeW3KilledAtRandomRecordsCommitExactlyTheUninterruptedOutput() throws Exception {
        killAndCompare("w3", 1_000);
    }

    private void killAndCompare(String job, int minimumOutput) throws Exception {
        Path expectedDir = dir.resolve("uninterrupted");
        KillNineJob.run(job, expectedDir, null, RECORDS, -1);
        List<String> expected = ExactlyOnceFileSink.readCommitted(expectedDir);
        assertThat(expected).hasSizeGreaterThan(minimumOutput);
        Path out = dir.resolve("out");
        Path checkpoints = dir.resolve("checkpoints");
        KillNine.killRestartAndCompare(dir, out, 20_261_122, 5, 2_000, 60_000, expected, pause -> List.of(
            KillNineJob.class.getName(), job, out.toString(), checkpoints.toString(), Long.toString(RECORDS), Long.toString(pause)));
    }
}
