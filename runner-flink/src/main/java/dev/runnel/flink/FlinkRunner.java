package dev.runnel.flink;

import dev.runnel.api.StreamEnvironment;
import dev.runnel.api.plan.JobPlan;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.streaming.api.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs a Runnel job on Apache Flink. In a user's {@code main}, replace {@code env.execute(name)} by
 * {@code FlinkRunner.execute(env, name)}: locally that starts Flink's MiniCluster in this JVM;
 * under {@code flink run} it submits to the cluster. The job's plan is translated onto Flink's
 * DataStream and CEP APIs; steps that would not mean the same on Flink are refused with an
 * {@link UntranslatableException} before anything runs (docs/flink-runner.md).
 */
public final class FlinkRunner {
    private FlinkRunner() {}

    /** Translates {@code job} onto {@link StreamExecutionEnvironment#getExecutionEnvironment()} and runs it to completion. */
    public static JobExecutionResult execute(StreamEnvironment job, String name) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        translate(job, env);
        return env.execute(name);
    }

    /**
     * Adds {@code job}'s operators to {@code env} with its settings ({@link #translate(JobPlan,
     * StreamExecutionEnvironment)}), its registered type serializers and its checkpoint settings:
     * the interval (exactly-once, Flink's minimum of 10 ms for an interval of zero), the tolerable
     * failures, the minimum pause, timeout, concurrency and unaligned flag of its
     * {@code CheckpointConfig}, and Flink checkpoints under {@code <checkpoint directory>/flink}. Runnel's own
     * checkpoint files are not Flink's: a job restores on Flink from a Flink checkpoint or savepoint
     * ({@code flink run -s <path>}), not from {@code fromCheckpoint}.
     */
    public static void translate(StreamEnvironment job, StreamExecutionEnvironment env) {
        AnySerializer.register(job.registeredTypeSerializers());
        if (job.checkpointInterval() != null) {
            env.enableCheckpointing(Math.max(10, job.checkpointInterval().toMillis()), CheckpointingMode.EXACTLY_ONCE);
            env.getCheckpointConfig().setCheckpointStorage(job.checkpointStorage().directory().toAbsolutePath().resolve("flink").toUri());
            env.getCheckpointConfig().setTolerableCheckpointFailureNumber(job.tolerableCheckpointFailures());
            dev.runnel.api.CheckpointConfig settings = job.getCheckpointConfig();
            env.getCheckpointConfig().setMinPauseBetweenCheckpoints(settings.getMinPauseBetweenCheckpoints());
            env.getCheckpointConfig().setCheckpointTimeout(Math.max(10, settings.getCheckpointTimeout()));
            env.getCheckpointConfig().setMaxConcurrentCheckpoints(settings.getMaxConcurrentCheckpoints());
            env.getCheckpointConfig().enableUnalignedCheckpoints(settings.isUnalignedCheckpointsEnabled());
        }
        translate(job.plan(), env);
    }

    /**
     * Adds {@code plan}'s operators to {@code env} and carries over its settings: streaming execution,
     * parallelism, 128 key groups (Runnel's fixed number, Flink's default max parallelism), the
     * auto-watermark interval. Object reuse is switched on because Runnel passes records between chained steps by
     * reference too, so user functions see the same objects on both engines.
     */
    public static void translate(JobPlan plan, StreamExecutionEnvironment env) {
        if (plan.sinks().isEmpty()) {
            throw new IllegalStateException("The job has no sink; add one with addSink(...), print() or executeAndCollect()");
        }
        // Runnel runs every job as a stream; with its bounded sources now bounded Flink sources, a cluster set to
        // AUTOMATIC would otherwise run a job of only bounded sources as a batch, with other output
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.setParallelism(plan.parallelism());
        env.setMaxParallelism(StreamEnvironment.MAX_PARALLELISM);
        env.getConfig().setAutoWatermarkInterval(plan.autoWatermarkIntervalMillis());
        env.getConfig().enableObjectReuse();
        new PlanTranslator(plan, env).translate();
    }
}
