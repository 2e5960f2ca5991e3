package dev.runnel.benchmarks.flink;

import dev.runnel.api.DataStream;
import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.windowing.TumblingEventTimeWindows;
import dev.runnel.benchmarks.CepWorkloads;
import dev.runnel.benchmarks.EngineWorkloads;
import dev.runnel.benchmarks.Event;
import dev.runnel.cep.CEP;
import dev.runnel.flink.FlinkRunner;
import java.time.Duration;
import java.util.function.Function;

/**
 * W1 and W6 as Runnel jobs (the benchmarks' own definitions), run either on Runnel or, unchanged, on
 * Flink through {@link FlinkRunner}.
 */
final class RunnelJobs {
    private RunnelJobs() {}

    enum Engine { RUNNEL, FLINK }

    static long w1(Engine engine, long n, long seed, int parallelism) throws Exception {
        return run(engine, "W1", n, seed, parallelism, events -> events.keyBy(e -> e.key % 10_000)
            .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
            .aggregate(new EngineWorkloads.SumAmount()));
    }

    static long w6(Engine engine, long n, long seed, int parallelism) throws Exception {
        return run(engine, "W6", n, seed, parallelism,
            events -> CEP.pattern(events.keyBy(e -> e.key % 10_000), CepWorkloads.w6Pattern()).select(match -> 1L));
    }

    private static <R> long run(Engine engine, String name, long n, long seed, int parallelism,
                                Function<DataStream<Event>, DataStream<R>> job) throws Exception {
        StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
        EngineWorkloads.CountingSink<R> sink = new EngineWorkloads.CountingSink<>(parallelism);
        job.apply(EngineWorkloads.source(env, n, seed)).addSink(sink);
        if (engine == Engine.RUNNEL) {
            long start = System.nanoTime();
            env.execute(name);
            FlinkComparison.lastNetRuntimeMillis = (System.nanoTime() - start) / 1_000_000;
        } else {
            FlinkComparison.lastNetRuntimeMillis = FlinkRunner.execute(env, name + " on the Flink runner").getNetRuntime();
        }
        return sink.count();
    }
}
