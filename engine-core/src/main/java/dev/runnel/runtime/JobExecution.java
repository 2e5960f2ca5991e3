package dev.runnel.runtime;

import dev.runnel.api.CheckpointStats;
import dev.runnel.api.JobExecutionException;
import dev.runnel.api.JobResult;
import dev.runnel.api.time.Clock;
import dev.runnel.runtime.exchange.JobCancelledException;
import dev.runnel.api.plan.JobPlan;
import dev.runnel.runtime.operators.SinkOperator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running job: its tasks' threads, the first failure, cancellation, and the result at the end. */
public final class JobExecution implements dev.runnel.api.metrics.JobMetricsView {
    private static final Logger LOG = LoggerFactory.getLogger(JobExecution.class);

    private final String jobName;
    private final List<OperatorMetrics> metrics = new CopyOnWriteArrayList<>();
    private final List<SinkOperator<?>> sinks = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;
    private volatile boolean userCancelled;
    private volatile Throwable failure;
    private CountDownLatch remaining;
    private long startNanos;
    private volatile long endNanos;
    /** Tasks not finished yet: tells the last one, which stamps the end time (the latch alone cannot tell it). */
    private java.util.concurrent.atomic.AtomicInteger tasksRunning;
    private Checkpointing checkpointing;
    private volatile java.util.Map<String, List<String>> inputs = java.util.Map.of();
    private final long startTimeMillis = System.currentTimeMillis();

    private JobExecution(String jobName) {
        this.jobName = jobName;
    }

    /** Plans and starts the job; with {@code checkpointing} non-null it restores from and/or writes checkpoints. */
    public static JobExecution start(String jobName, JobPlan plan, Clock clock, Checkpointing checkpointing) {
        JobExecution job = new JobExecution(jobName);
        List<Task> tasks = new JobPlanner(plan.parallelism(), clock, plan.autoWatermarkIntervalMillis(),
                plan.timersPerWatermarkStep(), job)
            .plan(plan.sinks(), plan.explicitlyNamed());
        if (checkpointing != null) {
            checkpointing.attach(tasks, job::cancel); // a stop with savepoint reads as cancelled
            tasks.forEach(t -> t.checkpointing = checkpointing);
            job.checkpointing = checkpointing;
        }
        job.remaining = new CountDownLatch(tasks.size());
        job.tasksRunning = new java.util.concurrent.atomic.AtomicInteger(tasks.size());
        job.startNanos = System.nanoTime();
        LOG.debug("Starting job '{}' with {} task(s)", jobName, tasks.size());
        for (Task task : tasks) {
            Thread thread = new Thread(task, "runnel-" + task.name);
            thread.setDaemon(true);
            thread.start();
        }
        return job;
    }

    @Override
    public String jobName() {
        return jobName;
    }

    void register(OperatorMetrics m) {
        metrics.add(m);
    }

    /** The job graph by operator name, for monitoring; set once by the planner before the tasks start. */
    void registerInputs(java.util.Map<String, List<String>> inputs) {
        this.inputs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
    }

    @Override
    public java.util.Map<String, List<String>> inputs() {
        return inputs;
    }

    @Override
    public List<dev.runnel.api.metrics.OperatorMetricsView> operators() {
        return List.copyOf(metrics);
    }

    @Override
    public CheckpointStats checkpoints() {
        return checkpointStats();
    }

    @Override
    public long startTimeMillis() {
        return startTimeMillis;
    }

    void registerSink(SinkOperator<?> sink) {
        sinks.add(sink);
    }

    boolean isCancelled() {
        return cancelled;
    }

    void fail(Throwable t) {
        if (t instanceof JobCancelledException) {
            return;
        }
        synchronized (this) {
            if (failure == null) {
                failure = t;
                LOG.error("Job '{}' failed: {}", jobName, t.toString());
            }
        }
        cancelled = true;
    }

    void taskFinished() {
        // the end time is stamped before the last count-down: await() returns as soon as the latch opens and reads it
        boolean last = tasksRunning.decrementAndGet() == 0;
        if (last) {
            endNanos = System.nanoTime();
        }
        remaining.countDown();
        if (last && checkpointing != null) {
            checkpointing.jobEnded(failure);
        }
    }

    /** See {@link Checkpointing#stopWithSavepoint}. */
    public java.util.concurrent.CompletableFuture<java.nio.file.Path> stopWithSavepoint(java.nio.file.Path directory) {
        if (checkpointing == null) {
            return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("internal: no checkpointing"));
        }
        return checkpointing.stopWithSavepoint(directory);
    }

    public void cancel() {
        userCancelled = true;
        cancelled = true;
    }

    @Override
    public boolean isDone() {
        return remaining.getCount() == 0;
    }

    @Override
    public Throwable failure() {
        return failure;
    }

    /** Checkpoints taken so far; {@link CheckpointStats#NONE} when the job does not checkpoint. */
    public CheckpointStats checkpointStats() {
        return checkpointing == null ? CheckpointStats.NONE : checkpointing.stats();
    }

    public List<OperatorMetrics> metrics() {
        return List.copyOf(metrics);
    }

    public JobResult await() {
        try {
            remaining.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            throw new JobExecutionException("Interrupted while waiting for job '" + jobName + "'", e);
        }
        return result();
    }

    public Optional<JobResult> await(Duration timeout) {
        try {
            if (!remaining.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return Optional.of(result());
    }

    private JobResult result() {
        Throwable f = failure;
        if (f != null) {
            throw new JobExecutionException("Job '" + jobName + "' failed: " + f.getMessage(), f);
        }
        Histogram latency = new Histogram(3_600_000_000_000L, 3);
        for (SinkOperator<?> s : sinks) {
            latency.add(s.latencyHistogram());
        }
        return new JobResult(jobName, Duration.ofNanos(endNanos - startNanos), new ArrayList<>(metrics), latency, userCancelled,
            checkpointStats());
    }
}
