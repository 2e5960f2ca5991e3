package dev.runnel.api;

import dev.runnel.runtime.OperatorMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What a finished job did: duration, per-operator counts and watermarks, and pipeline latency. It is
 * Flink's {@link JobExecutionResult} too ({@code getNetRuntime()}), for ported programs.
 */
public final class JobResult implements JobExecutionResult {
    private final String jobName;
    private final Duration duration;
    private final List<OperatorMetrics> operators;
    private final Histogram latencyNanos;
    private final boolean cancelled;
    private final CheckpointStats checkpoints;

    public JobResult(String jobName, Duration duration, List<OperatorMetrics> operators, Histogram latencyNanos, boolean cancelled,
                     CheckpointStats checkpoints) {
        this.jobName = jobName;
        this.duration = duration;
        this.operators = List.copyOf(operators);
        this.latencyNanos = latencyNanos;
        this.cancelled = cancelled;
        this.checkpoints = checkpoints;
    }

    /**
     * Checkpoints completed and failed, the last one's id, duration and size; the checkpoint restored,
     * damaged newer ones the restore skipped, and restore mismatches.
     */
    public CheckpointStats checkpoints() {
        return checkpoints;
    }

    public String jobName() {
        return jobName;
    }

    public Duration duration() {
        return duration;
    }

    /** {@link #duration()} in milliseconds, as Flink reports it. */
    @Override
    public long getNetRuntime() {
        return duration.toMillis();
    }

    public boolean cancelled() {
        return cancelled;
    }

    /** One entry per operator instance (subtask). */
    public List<OperatorMetrics> operatorMetrics() {
        return operators;
    }

    /** The instances of the operator with this name. */
    public List<OperatorMetrics> operator(String name) {
        List<OperatorMetrics> out = new ArrayList<>();
        for (OperatorMetrics m : operators) {
            if (m.operatorName().equals(name)) {
                out.add(m);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("No operator named '" + name + "'; operators: " + operatorNames());
        }
        return out;
    }

    public long recordsIn(String operatorName) {
        return operator(operatorName).stream().mapToLong(m -> m.recordsIn).sum();
    }

    public long recordsOut(String operatorName) {
        return operator(operatorName).stream().mapToLong(m -> m.recordsOut).sum();
    }

    public long lateRecordsDropped() {
        return operators.stream().mapToLong(m -> m.lateRecordsDropped).sum();
    }

    public long deadLetters() {
        return operators.stream().mapToLong(m -> m.deadLetters).sum();
    }

    /** Events that a {@code FutureEventGuard} sent to its side output, over all sources and timestamp assigners. */
    public long futureEvents() {
        return operators.stream().mapToLong(m -> m.futureEvents).sum();
    }

    /**
     * Transit latency of in-band latency markers from source to sink, in nanoseconds (as Flink's
     * latency markers: time spent in operators and queues, not time a record waits in a window).
     */
    public Histogram latencyNanos() {
        return latencyNanos;
    }

    private List<String> operatorNames() {
        return operators.stream().map(OperatorMetrics::operatorName).distinct().toList();
    }

    /** A readable table of every operator instance: counts, watermark and idleness. */
    public String describe() {
        StringBuilder sb = new StringBuilder("Job '").append(jobName).append("' ")
            .append(cancelled ? "cancelled" : "finished").append(" in ").append(duration.toMillis()).append(" ms\n");
        if (checkpoints.restoredCheckpointId() >= 0) {
            sb.append("  restored from checkpoint ").append(checkpoints.restoredCheckpointId()).append('\n');
        }
        for (var skipped : checkpoints.skippedCheckpoints()) {
            sb.append("  skipped damaged ").append(skipped).append('\n');
        }
        for (OperatorMetrics m : operators) {
            sb.append("  ").append(m).append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
