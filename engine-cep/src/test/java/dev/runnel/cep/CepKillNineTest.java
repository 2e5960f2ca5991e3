package dev.runnel.cep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.sink.ExactlyOnceFileSink;
import dev.runnel.api.source.GeneratorSource;
import dev.runnel.cep.CrashLoop.Event;
import dev.runnel.cep.pattern.Pattern;
import dev.runnel.cep.pattern.conditions.SimpleCondition;
import dev.runnel.checkpoint.CheckpointStorage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A W6-like pattern job (begin type 0, next type 0 times(4), within 5 min, keyed by key % 100) runs
 * in a child JVM ({@link #main}) with checkpoints every 5 ms and the exactly-once file sink, is
 * killed with SIGKILL at random moments after each attempt's first checkpoint, five times, and
 * restarted from its checkpoints: the committed matches equal an uninterrupted run's.
 */
class CepKillNineTest {
    private static final long RECORDS = 400_000;
    private static final double RATE = 200_000;

    @TempDir
    Path dir;

    public static void main(String[] args) throws Exception {
        run(Path.of(args[0]), args[1].equals("-") ? null : Path.of(args[1]), Long.parseLong(args[2]), Double.parseDouble(args[3]));
    }

    static void run(Path out, Path checkpoints, long records, double rate) throws Exception {
        StreamEnvironment env = StreamEnvironment.create();
        if (checkpoints != null) {
            CheckpointStorage storage = new CheckpointStorage(checkpoints, 3);
            env.enableCheckpointing(Duration.ofMillis(5), storage);
            if (!storage.completedIds().isEmpty()) {
                env.fromCheckpoint(checkpoints);
            }
        }
        GeneratorSource<Event> source = GeneratorSource.bounded(records, Event::of);
        Pattern<Event, ?> pattern = Pattern.<Event>begin("first").where(SimpleCondition.of(e -> e.type() == 0))
            .next("rest").where(SimpleCondition.of(e -> e.type() == 0)).times(4)
            .within(Duration.ofMinutes(5));
        CEP.pattern(env.fromSource(rate > 0 ? source.withRate(rate) : source, CrashLoop.eventWatermarks(), "events")
                .keyBy(e -> e.key() % 100), pattern)
            .select(m -> m.values().stream().flatMap(List::stream).map(e -> String.valueOf(e.index())).collect(Collectors.joining(",")))
            .addSink(ExactlyOnceFileSink.lines(out, s -> s)).name("out");
        env.execute("cep-kill-nine");
    }

    @Test
    void patternJobKilledAtRandomMomentsCommitsExactlyTheUninterruptedMatches() throws Exception {
        Path expectedDir = dir.resolve("uninterrupted");
        run(expectedDir, null, RECORDS, 0);
        List<String> expected = ExactlyOnceFileSink.readCommitted(expectedDir);
        assertThat(expected).hasSizeGreaterThan(100);

        Path out = dir.resolve("out");
        Path checkpoints = dir.resolve("checkpoints");
        Random random = new Random(20_261_123);
        int kills = 0;
        for (int attempt = 0; ; attempt++) {
            long newestBefore = newest(checkpoints);
            Process child = start(out, checkpoints, attempt);
            if (kills < 5) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (child.isAlive() && newest(checkpoints) <= newestBefore && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                if (!child.waitFor(random.nextInt(300), TimeUnit.MILLISECONDS)) {
                    child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                    kills++;
                    continue;
                }
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("attempt %d ends", attempt).isTrue();
            assertThat(child.exitValue()).as("attempt %d exit code; see %s", attempt, log(attempt)).isZero();
            break;
        }
        assertThat(kills).as("kills while running").isGreaterThanOrEqualTo(3);
        List<String> committed = ExactlyOnceFileSink.readCommitted(out);
        assertThat(new HashSet<>(committed)).as("no duplicates").hasSize(committed.size());
        assertThat(committed).isEqualTo(expected);
    }

    private static long newest(Path checkpoints) throws java.io.IOException {
        if (!Files.isDirectory(checkpoints)) {
            return -1;
        }
        List<Long> ids = new CheckpointStorage(checkpoints, 3).completedIds();
        return ids.isEmpty() ? -1 : ids.get(ids.size() - 1);
    }

    private Process start(Path out, Path checkpoints, int attempt) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
            CepKillNineTest.class.getName(), out.toString(), checkpoints.toString(), Long.toString(RECORDS), Double.toString(RATE));
        pb.redirectErrorStream(true);
        pb.redirectOutput(log(attempt));
        return pb.start();
    }

    private File log(int attempt) {
        return dir.resolve("attempt-" + attempt + ".log").toFile();
    }
}
