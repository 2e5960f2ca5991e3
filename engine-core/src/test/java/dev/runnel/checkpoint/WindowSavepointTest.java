package dev.runnel.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.DataStream;
import dev.runnel.api.JobClient;
import dev.runnel.api.JobResult;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.sink.ExactlyOnceFileSink;
import dev.runnel.api.source.GeneratorSource;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.checkpoint.CrashLoop.Event;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stop-with-savepoint of a window job writing through the exactly-once file sink: what was
 * committed when it stopped, plus what a changed job (one more operator) started from the
 * savepoint commits, is exactly an uninterrupted run's output; window state is matched by name.
 */
class WindowSavepointTest {
    private static final long RECORDS = 2_000_000;

    @TempDir
    Path dir;

    private static StreamEnvironment job(Path out, Path restoreFrom, boolean withAudit) {
        StreamEnvironment env = StreamEnvironment.create();
        if (restoreFrom != null) {
            env.fromCheckpoint(restoreFrom);
        }
        DataStream<String> sums = env.fromSource(GeneratorSource.bounded(RECORDS, Event::of), CrashLoop.eventWatermarks(), "events")
            .keyBy(e -> e.key() % 500)
            .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
            .reduce((a, b) -> new Event(a.index(), a.key(), a.type(), a.value() + b.value(), a.timestamp())).name("sums")
            .map(e -> e.key() + "=" + e.value()).name("format");
        if (withAudit) {
            sums = sums.filter(s -> !s.isEmpty()).name("audit");
        }
        sums.addSink(ExactlyOnceFileSink.lines(out, s -> s)).name("out");
        return env;
    }

    @Test
    void aChangedJobResumedFromASavepointCompletesTheOutputExactly() throws Exception {
        Path expectedDir = dir.resolve("uninterrupted");
        job(expectedDir, null, false).execute("whole");
        List<String> expected = ExactlyOnceFileSink.readCommitted(expectedDir);

        Path out = dir.resolve("out");
        Path savepoints = dir.resolve("savepoints");
        JobClient client = job(out, null, false).executeAsync("first");
        client.stopWithSavepoint(savepoints).get(30, TimeUnit.SECONDS);
        JobResult stopped = client.await();
        assertThat(stopped.recordsIn("sums")).as("stopped part-way").isLessThan(RECORDS);
        List<String> atSavepoint = ExactlyOnceFileSink.readCommitted(out);

        JobResult resumed = job(out, savepoints, true).execute("resumed with an audit operator");
        assertThat(resumed.checkpoints().unmatchedRestoredState()).isEmpty();
        List<String> committed = ExactlyOnceFileSink.readCommitted(out);
        assertThat(committed.subList(0, atSavepoint.size())).isEqualTo(atSavepoint);
        assertThat(committed).isEqualTo(expected);
    }
}
