package dev.runnel.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runnel.api.JobExecutionException;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.OpenContext;
import dev.runnel.api.functions.RichFlatMapFunction;
import dev.runnel.api.source.GeneratorSource;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import dev.runnel.api.time.WatermarkStrategy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keyed state of a rich flatMap after keyBy is checkpointed and restored like a KeyedProcessFunction's:
 * a job crashed at a random record and resumed from its last checkpoint continues every key's running
 * count where the checkpoint left it, so what it emits per key is exactly the tail of an
 * uninterrupted run's output for that key.
 */
class RichFunctionRestoreTest {
    private static final int RECORDS = 30_000;

    @TempDir
    Path dir;

    static final class RunningCount extends RichFlatMapFunction<Long, String> {
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext openContext) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void flatMap(Long v, Collector<String> out) throws Exception {
            long next = count.value() == null ? 1 : count.value() + 1;
            count.update(next);
            out.collect((v % 7) + ":" + next);
        }
    }

    private static List<String> run(long crashAt, int parallelism, CheckpointStorage storage, Path restoreFrom) {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        if (storage != null) {
            env.enableCheckpointing(Duration.ZERO, storage).setTolerableCheckpointFailures(0);
        }
        if (restoreFrom != null) {
            env.fromCheckpoint(restoreFrom);
        }
        return env.fromSource(GeneratorSource.bounded(RECORDS, i -> i), WatermarkStrategy.noWatermarks(), "numbers")
            .map(v -> {
                if (v == crashAt) {
                    throw new IllegalStateException("injected crash at " + v);
                }
                return v;
            }).name("crash")
            .keyBy(v -> v % 7)
            .flatMap(new RunningCount()).name("count")
            .executeAndCollect();
    }

    private static Map<String, List<String>> byKey(List<String> out) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String s : out) {
            m.computeIfAbsent(s.substring(0, s.indexOf(':')), k -> new java.util.ArrayList<>()).add(s);
        }
        return m;
    }

    @Test
    void aResumedJobContinuesEveryKeysCountFromTheCheckpointAtParallelismOneAndTwo() throws java.io.IOException {
        for (int parallelism : new int[] {1, 2}) {
            Map<String, List<String>> expected = byKey(run(-1, parallelism, null, null));
            assertThat(expected).hasSize(7);
            Random random = new Random(20_261_207L + parallelism);
            for (int attempt = 0; attempt < 4; attempt++) {
                long crashAt = 10_000 + random.nextInt(RECORDS - 10_000);
                Path checkpoints = dir.resolve("p" + parallelism + "-" + attempt);
                CheckpointStorage storage = new CheckpointStorage(checkpoints, 2);
                assertThatThrownBy(() -> run(crashAt, parallelism, storage, null))
                    .isInstanceOf(JobExecutionException.class).hasStackTraceContaining("injected crash");
                assertThat(storage.completedIds()).isNotEmpty();
                Map<String, List<String>> resumed = byKey(run(-1, parallelism, new CheckpointStorage(checkpoints, 2), checkpoints));
                assertThat(resumed.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
                for (Map.Entry<String, List<String>> e : resumed.entrySet()) {
                    List<String> all = expected.get(e.getKey());
                    List<String> tail = all.subList(all.size() - e.getValue().size(), all.size());
                    assertThat(e.getValue()).as("p=%d crash at %d, key %s", parallelism, crashAt, e.getKey()).isEqualTo(tail);
                    assertThat(e.getValue().get(0)).as("restored, not restarted at 1").isNotEqualTo(e.getKey() + ":1");
                }
            }
        }
    }
}
