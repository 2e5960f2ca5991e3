package dev.runnel.api;

import dev.runnel.runtime.JobExecution;
import dev.runnel.runtime.OperatorMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A running job: wait for it, cancel it, or look at its operators' live metrics and watermarks. */
public final class JobClient {
    private final JobExecution execution;
    private volatile java.net.URI metricsEndpoint;

    JobClient(JobExecution execution) {
        this.execution = execution;
    }

    /**
     * The job's live metrics and graph through the public read-only view: what monitoring code (the
     * Prometheus endpoint, a user's reporter) should use instead of runtime classes.
     */
    public dev.runnel.api.metrics.JobMetricsView metrics() {
        return execution;
    }

    /** The address of the metrics endpoint {@link StreamEnvironment#enableMetricsEndpoint(int)} started, if any. */
    public Optional<java.net.URI> metricsEndpoint() {
        return Optional.ofNullable(metricsEndpoint);
    }

    /**
     * Starts the metrics endpoint for this job on {@code port}, found through {@code ServiceLoader} in
     * the module {@code runnel-metrics-prometheus}; cancels the job and fails if there is none or it
     * cannot start.
     */
    void serveMetrics(int port) {
        var providers = java.util.ServiceLoader.load(dev.runnel.api.metrics.MetricsEndpointProvider.class).iterator();
        if (!providers.hasNext()) {
            cancel();
            throw new IllegalStateException("enableMetricsEndpoint(" + port + ") needs the module "
                + "dev.runnel:runnel-metrics-prometheus on the class path; add it as a dependency");
        }
        try {
            metricsEndpoint = providers.next().start(this, port);
        } catch (java.io.IOException | RuntimeException e) {
            cancel();
            throw new IllegalStateException("Could not start the metrics endpoint on port " + port + ": " + e, e);
        }
    }

    public String jobName() {
        return execution.jobName();
    }

    /** Stops the job; {@link #await} then returns a result marked cancelled. */
    public void cancel() {
        execution.cancel();
    }

    /** Waits for the end of the job; throws {@link JobExecutionException} if it failed. */
    public JobResult await() {
        return execution.await();
    }

    /** Waits at most {@code timeout}; returns empty if the job is still running. */
    public Optional<JobResult> await(Duration timeout) {
        return execution.await(timeout);
    }

    public boolean isDone() {
        return execution.isDone();
    }

    public Optional<Throwable> failureCause() {
        return Optional.ofNullable(execution.failure());
    }

    /** Live per-operator metrics, including each operator's current watermark and idleness. */
    public List<OperatorMetrics> operatorMetrics() {
        return execution.metrics();
    }

    /**
     * Takes a savepoint into {@code directory} (a checkpoint file like the periodic ones, kept until
     * deleted), lets two-phase sinks commit it, then stops the job: {@link #await} returns a result
     * marked cancelled. A job restored from it with {@link StreamEnvironment#fromCheckpoint} may have
     * changed: state is matched by operator name and state name, and state that nothing claims is
     * listed in {@link CheckpointStats#unmatchedRestoredState()}. The future fails if the job cannot
     * be checkpointed or ends before the savepoint is complete.
     */
    public java.util.concurrent.CompletableFuture<java.nio.file.Path> stopWithSavepoint(java.nio.file.Path directory) {
        return execution.stopWithSavepoint(directory);
    }

    /** Live checkpoint metrics: completed and failed counts, the last completed id, its duration and size. */
    public CheckpointStats checkpointStats() {
        return execution.checkpointStats();
    }
}
