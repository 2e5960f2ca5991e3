package dev.runnel.api.metrics;

import dev.runnel.api.CheckpointStats;
import java.util.List;
import java.util.Map;

/**
 * What a running job looks like from outside: every operator instance's metrics, the job graph
 * (each operator's inputs, by name), checkpoints and the job's state. Read from any thread; see
 * {@link OperatorMetricsView} for what "live" means.
 */
public interface JobMetricsView {
    String jobName();

    /** One entry per operator instance (subtask), in plan order (sources first). */
    List<OperatorMetricsView> operators();

    /**
     * The job graph: for each operator name, the names of the operators feeding it (empty for sources).
     * Unions and side outputs are looked through: a side output's consumer lists the operator that produced it.
     */
    Map<String, List<String>> inputs();

    CheckpointStats checkpoints();

    boolean isDone();

    /** The failure that ended the job, or null. */
    Throwable failure();

    /** Wall-clock time (epoch milliseconds) the job started. */
    long startTimeMillis();
}
