package dev.runnel.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.functions.MapFunction;
import dev.runnel.api.sink.ExactlyOnceFileSink;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Real crashes at chosen records: a job runs in a child JVM, checkpointing after every round of
 * source polls; at a record picked from a seed it reports {@value #PAUSED} on stdout and blocks, and
 * the parent kills it with SIGKILL ({@code destroyForcibly}) and starts it again from its
 * checkpoints. The kill comes at the same point of the job in every run, whatever the machine's
 * speed, and no one waits on a clock. What the job's exactly-once file sink committed must equal an
 * uninterrupted run's output.
 */
public final class KillNine {
    static final String PAUSED = "PAUSED";

    /** The child's JVM arguments after the class path: main class and its arguments, given where to pause (-1: never). */
    public interface Child {
        List<String> command(long pauseAfter);
    }

    /** What happens to the child's files between a kill and the restart, e.g. damage to its newest checkpoint. */
    public interface AfterKill {
        void accept(int attempt) throws Exception;
    }

    private KillNine() {}

    /**
     * For the child's job: passes records on, and at its {@code pauseAfter}-th record of this run
     * (never if negative) tells the parent and waits to be killed. A job that runs as one task does
     * nothing meanwhile, so the kill lands right there; at a higher parallelism the other tasks
     * drain what is queued to them (and may complete a checkpoint) before it.
     */
    public static <T> MapFunction<T, T> pauseAfter(long pauseAfter) {
        long[] seen = {0};
        return value -> {
            if (++seen[0] == pauseAfter) {
                System.out.println(PAUSED);
                System.out.flush();
                new CountDownLatch(1).await();
            }
            return value;
        };
    }

    /**
     * Kills the child {@code kills} times, each at a random record between {@code minPause} and
     * {@code maxPause} of its run, restarts it from its checkpoints, and checks the committed output
     * of the last, uninterrupted attempt against {@code expected}: same lines in the same order.
     */
    public static void killRestartAndCompare(Path dir, Path out, long seed, int kills, long minPause, long maxPause,
                                             List<String> expected, Child child) throws Exception {
        killRestartAndCompare(dir, out, seed, kills, minPause, maxPause, expected, child, attempt -> { });
    }

    /**
     * As above, with {@code afterKill} run after each kill, before the restart. Attempt {@code i}'s
     * stderr (its log) is in {@code dir/attempt-i.log}.
     */
    public static void killRestartAndCompare(Path dir, Path out, long seed, int kills, long minPause, long maxPause,
                                             List<String> expected, Child child, AfterKill afterKill) throws Exception {
        killRestartAndCompare(dir, () -> ExactlyOnceFileSink.readCommitted(out), seed, kills, minPause, maxPause, expected, child,
            afterKill);
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString())).as("nothing left pending").allMatch(f -> f.startsWith("part-"));
        }
    }

    /** What an exactly-once sink has committed so far (a file sink's parts, a Kafka topic read with read_committed). */
    public interface CommittedOutput {
        List<String> read() throws Exception;
    }

    /** As above, for any exactly-once sink: {@code committed} reads what it made visible, in the order {@code expected} has. */
    public static void killRestartAndCompare(Path dir, CommittedOutput committedOutput, long seed, int kills, long minPause,
                                             long maxPause, List<String> expected, Child child) throws Exception {
        killRestartAndCompare(dir, committedOutput, seed, kills, minPause, maxPause, expected, child, attempt -> { });
    }

    private static void killRestartAndCompare(Path dir, CommittedOutput committedOutput, long seed, int kills, long minPause,
                                              long maxPause, List<String> expected, Child child, AfterKill afterKill) throws Exception {
        Random random = new Random(seed);
        List<Integer> committedAtKill = new ArrayList<>();
        for (int attempt = 0; attempt <= kills; attempt++) {
            boolean kill = attempt < kills;
            long pause = kill ? minPause + (long) (random.nextDouble() * (maxPause - minPause)) : -1;
            File log = dir.resolve("attempt-" + attempt + ".log").toFile();
            Process process = start(child.command(pause), log);
            if (kill) {
                assertThat(awaitPause(process)).as("attempt %d pauses at record %d; see %s", attempt, pause, log).isTrue();
                process.destroyForcibly().waitFor();
                committedAtKill.add(committedOutput.read().size());
                afterKill.accept(attempt);
                continue;
            }
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("attempt %d ends", attempt).isTrue();
            assertThat(process.exitValue()).as("attempt %d exit code; see %s", attempt, log).isZero();
        }
        assertThat(committedAtKill).as("output committed when each kill came").anyMatch(n -> n > 0);
        List<String> committed = committedOutput.read();
        assertThat(new HashSet<>(committed)).as("no duplicates").hasSize(committed.size());
        assertThat(committed.size()).isEqualTo(expected.size());
        assertThat(committed.equals(expected)).as("committed output equals the uninterrupted run's, line by line").isTrue();
    }

    private static Process start(List<String> command, File log) throws IOException {
        List<String> full = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
        full.addAll(command);
        return new ProcessBuilder(full).redirectError(log).start();
    }

    /** Reads the child's stdout until it pauses (true) or ends (false). */
    private static boolean awaitPause(Process process) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.equals(PAUSED)) {
                return true;
            }
        }
        return false;
    }
}
