package dev.runnel.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.sink.ExactlyOnceFileSink;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: a W1- or W3-like {@link KillNineJob} runs in a child JVM that is killed with SIGKILL
 * ({@code destroyForcibly}) at random moments, several times, and restarted from its checkpoint
 * directory each time. What its exactly-once file sink committed must equal an uninterrupted run's
 * output: no duplicates, no holes, nothing from the killed attempts after their last checkpoint.
 */
class KillNineTest {
    private static final long RECORDS = 400_000;
    private static final double RATE = 200_000; // per second: a run takes 2 s, so kills land mid-run

    @TempDir
    Path dir;

    @Test
    void tumblingWindowsLikeW1KilledAtRandomMomentsCommitExactlyTheUninterruptedOutput() throws Exception {
        killAndCompare("w1", 10_000);
    }

    @Test
    void sessionWindowsLikeW3KilledAtRandomMomentsCommitExactlyTheUninterruptedOutput() throws Exception {
        killAndCompare("w3", 1_000);
    }

    private void killAndCompare(String job, int minimumOutput) throws Exception {
        Path expectedDir = dir.resolve("uninterrupted");
        KillNineJob.run(job, expectedDir, null, RECORDS, 0);
        List<String> expected = ExactlyOnceFileSink.readCommitted(expectedDir);
        assertThat(expected).hasSizeGreaterThan(minimumOutput);

        Path out = dir.resolve("out");
        Path checkpoints = dir.resolve("checkpoints");
        Random random = new Random(20_261_122);
        int kills = 0;
        List<Integer> committedAtKill = new ArrayList<>();
        for (int attempt = 0; ; attempt++) {
            long newestBefore = newest(checkpoints);
            Process child = start(job, out, checkpoints, attempt);
            if (kills < 5) {
                // kill at a random moment after the attempt has taken a checkpoint of its own, so that
                // every attempt moves on however slowly the JVM starts on a loaded machine
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (child.isAlive() && newest(checkpoints) <= newestBefore && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                if (!child.waitFor(random.nextInt(300), TimeUnit.MILLISECONDS)) {
                    child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    kills++;
                    committedAtKill.add(ExactlyOnceFileSink.readCommitted(out).size());
                    continue;
                }
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("attempt %d ends", attempt).isTrue();
            assertThat(child.exitValue()).as("attempt %d exit code; see %s", attempt, log(attempt)).isZero();
            break;
        }
        assertThat(kills).as("kills while running").isGreaterThanOrEqualTo(3);
        assertThat(committedAtKill).as("output committed when each kill came").anyMatch(n -> n > 0);
        List<String> committed = ExactlyOnceFileSink.readCommitted(out);
        assertThat(new HashSet<>(committed)).as("no duplicates").hasSize(committed.size());
        assertThat(committed.size()).isEqualTo(expected.size());
        assertThat(committed.equals(expected)).as("committed output equals the uninterrupted run's, line by line").isTrue();
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("nothing left pending").allMatch(f -> f.startsWith("part-"));
        }
    }

    private static long newest(Path checkpoints) throws java.io.IOException {
        if (!Files.isDirectory(checkpoints)) {
            return -1;
        }
        List<Long> ids = new CheckpointStorage(checkpoints, 3).completedIds();
        return ids.isEmpty() ? -1 : ids.get(ids.size() - 1);
    }

    private Process start(String job, Path out, Path checkpoints, int attempt) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
            KillNineJob.class.getName(), job, out.toString(), checkpoints.toString(), Long.toString(RECORDS), Double.toString(RATE));
        pb.redirectErrorStream(true);
        pb.redirectOutput(log(attempt));
        return pb.start();
    }

    private File log(int attempt) {
        return dir.resolve("attempt-" + attempt + ".log").toFile();
    }
}
