package dev.runnel.flink;

import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.sink.CollectSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one job, built twice by the same code, on Runnel and on Flink (local MiniCluster), and gives
 * each named output as sorted "value @ timestamp" lines, so the two runs compare exactly where the
 * order of records is not defined (parallel subtasks).
 */
final class BothEngines {
    /** Builds the job on {@code env} and returns its collect sinks by name. */
    @FunctionalInterface
    interface Job {
        Map<String, CollectSink<?>> build(StreamEnvironment env);
    }

    private BothEngines() {}

    /**
     * The job's outputs on Runnel at parallelism 1, each non-empty (a test that compares empty outputs
     * proves nothing), and the same outputs on Flink at each of {@code parallelisms}.
     */
    static Map<String, List<String>> assertSameOnFlink(Job job, int... parallelisms) throws Exception {
        Map<String, List<String>> runnel = onRunnel(job, 1);
        runnel.forEach((name, lines) -> org.assertj.core.api.Assertions.assertThat(lines).as("Runnel output '%s'", name).isNotEmpty());
        for (int p : parallelisms) {
            org.assertj.core.api.Assertions.assertThat(onFlink(job, p)).as("Flink at parallelism %d", p).isEqualTo(runnel);
        }
        return runnel;
    }

    static Map<String, List<String>> onRunnel(Job job, int parallelism) {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        Map<String, CollectSink<?>> sinks = job.build(env);
        env.execute("runnel");
        return lines(sinks);
    }

    static Map<String, List<String>> onFlink(Job job, int parallelism) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        Map<String, CollectSink<?>> sinks = job.build(env);
        FlinkRunner.execute(env, "flink");
        return lines(sinks);
    }

    private static Map<String, List<String>> lines(Map<String, CollectSink<?>> sinks) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        sinks.forEach((name, sink) -> {
            List<String> lines = new ArrayList<>();
            for (CollectSink.Timestamped<?> t : sink.timestamped()) {
                lines.add(t.value() + " @ " + t.timestamp());
            }
            lines.sort(null);
            out.put(name, lines);
        });
        return out;
    }
}
