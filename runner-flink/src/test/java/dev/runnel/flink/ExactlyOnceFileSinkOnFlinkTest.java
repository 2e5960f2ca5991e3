package dev.runnel.flink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.sink.ExactlyOnceFileSink;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runnel's {@link ExactlyOnceFileSink} runs on Flink as Flink's FileSink: the same lines become visible
 * in the directory, with and without checkpoints (at the end of bounded input either way).
 */
class ExactlyOnceFileSinkOnFlinkTest {
    @TempDir
    Path dir;

    private static void job(StreamEnvironment env, Path out) {
        Scripts.events(env, 40)
            .keyBy(Ev::key)
            .window(TumblingEventTimeWindows.of(Duration.ofSeconds(5)))
            .reduce((a, b) -> new Ev(a.key(), Math.max(a.ts(), b.ts()), a.value() + b.value())).name("sums")
            .addSink(ExactlyOnceFileSink.lines(out, (Function<Ev, String> & Serializable) Ev::toString)).name("sums-out");
    }

    private List<String> onRunnel() throws Exception {
        Path out = dir.resolve("runnel");
        StreamEnvironment env = StreamEnvironment.create();
        job(env, out);
        env.execute("runnel");
        List<String> lines = new java.util.ArrayList<>(ExactlyOnceFileSink.readCommitted(out));
        lines.sort(null);
        return lines;
    }

    @Test
    void sameLinesAsOnRunnelWithoutCheckpoints() throws Exception {
        List<String> runnel = onRunnel();
        assertThat(runnel).hasSize(22).contains("a@0=0", "a@18000=34", "c@38000=38");

        Path out = dir.resolve("flink");
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
        job(env, out);
        FlinkRunner.execute(env, "flink");
        assertThat(FlinkParts.committedLinesSorted(out)).isEqualTo(runnel);
    }

    @Test
    void sameLinesAsOnRunnelWithCheckpoints() throws Exception {
        List<String> runnel = onRunnel();

        Path out = dir.resolve("flink");
        StreamEnvironment env = StreamEnvironment.create().setParallelism(2).enableCheckpointing(20);
        job(env, out);
        FlinkRunner.execute(env, "flink");
        assertThat(FlinkParts.committedLinesSorted(out)).isEqualTo(runnel);
    }
}
