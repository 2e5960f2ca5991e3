package dev.runnel.cep;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.sink.ExactlyOnceFileSink;
import dev.runnel.api.source.GeneratorSource;
import dev.runnel.cep.pattern.Pattern;
import dev.runnel.cep.pattern.conditions.SimpleCondition;
import dev.runnel.checkpoint.CheckpointStorage;
import dev.runnel.checkpoint.CrashLoop;
import dev.runnel.checkpoint.CrashLoop.Event;
import dev.runnel.checkpoint.KillNine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A W6-like pattern job (begin type 0, next type 0 times(4), within 5 min, keyed by key % 100) runs
 * in a child JVM ({@link #main}) checkpointing after every round of source polls, with the
 * exactly-once file sink; it is killed with SIGKILL at random records five times and restarted from
 * its checkpoints (see {@link KillNine}): the committed matches equal an uninterrupted run's.
 */
class CepKillNineTest {
    private static final long RECORDS = 400_000;

    @TempDir
    Path dir;

    /** Arguments: output dir, checkpoint dir (or "-" for none), records, record to pause at (-1: none). */
    public static void main(String[] args) throws Exception {
        run(Path.of(args[0]), args[1].equals("-") ? null : Path.of(args[1]), Long.parseLong(args[2]), Long.parseLong(args[3]));
    }

    static void run(Path out, Path checkpoints, long records, long pauseAfter) throws Exception {
        StreamEnvironment env = StreamEnvironment.create();
        if (checkpoints != null) {
            CheckpointStorage storage = new CheckpointStorage(checkpoints, 3);
            env.enableCheckpointing(Duration.ZERO, storage);
            if (!storage.completedIds().isEmpty()) {
                env.fromCheckpoint(checkpoints);
            }
        }
        Pattern<Event, ?> pattern = Pattern.<Event>begin("first").where(SimpleCondition.of(e -> e.type() == 0))
            .next("rest").where(SimpleCondition.of(e -> e.type() == 0)).times(4)
            .within(Duration.ofMinutes(5));
        CEP.pattern(env.fromSource(GeneratorSource.bounded(records, Event::of), CrashLoop.eventWatermarks(), "events")
                .map(KillNine.<Event>pauseAfter(pauseAfter)).name("pause")
                .keyBy(e -> e.key() % 100), pattern)
            .select(m -> m.values().stream().flatMap(List::stream).map(e -> String.valueOf(e.index())).collect(Collectors.joining(",")))
            .addSink(ExactlyOnceFileSink.lines(out, s -> s)).name("out");
        env.execute("cep-kill-nine");
    }

    @Test
    void patternJobKilledAtRandomRecordsCommitsExactlyTheUninterruptedMatches() throws Exception {
        Path expectedDir = dir.resolve("uninterrupted");
        run(expectedDir, null, RECORDS, -1);
        List<String> expected = ExactlyOnceFileSink.readCommitted(expectedDir);
        assertThat(expected).hasSizeGreaterThan(100);
        Path out = dir.resolve("out");
        Path checkpoints = dir.resolve("checkpoints");
        KillNine.killRestartAndCompare(dir, out, 20_261_123, 5, 2_000, 60_000, expected, pause -> List.of(
            CepKillNineTest.class.getName(), out.toString(), checkpoints.toString(), Long.toString(RECORDS), Long.toString(pause)));
    }
}
