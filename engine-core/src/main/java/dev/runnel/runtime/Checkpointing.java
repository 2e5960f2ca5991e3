package dev.runnel.runtime;

import dev.runnel.api.CheckpointStats;
import dev.runnel.checkpoint.Checkpoint;
import dev.runnel.checkpoint.CheckpointStorage;
import dev.runnel.checkpoint.StateSerializationException;
import dev.runnel.checkpoint.StateSerializers;
import dev.runnel.runtime.CheckpointPayload.OperatorEntry;
import dev.runnel.runtime.CheckpointPayload.SourceEntry;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints of a running job, and its restore.
 *
 * <p>The task that runs the sources starts a checkpoint between two rounds of source polls, when no
 * record is in flight inside it: it snapshots its sources' positions and its operators, then sends
 * a barrier down every channel. Every other task aligns the barrier on all its input channels
 * (see {@link dev.runnel.runtime.exchange.ChannelReader}), snapshots its operators and forwards the
 * barrier. The last task to contribute writes the checkpoint file; then every task tells its
 * operators the checkpoint is complete. One checkpoint is in flight at a time.
 *
 * <p>State is stored per operator name and subtask ({@link CheckpointPayload}), so a restore
 * ({@link CheckpointRestore}) matches it by name, reports what it cannot place instead of dropping it
 * silently, and can hand keyed state to a different number of subtasks (each keeps the keys whose
 * key group maps to it).
 */
public final class Checkpointing {
    private static final Logger LOG = LoggerFactory.getLogger(Checkpointing.class);

    /** The contributions collected for one checkpoint. */
    private static final class Pending {
        final long id;
        final long startNanos;
        CheckpointStorage target;
        SavepointRequest savepoint;
        int missing;
        String failure;
        final List<SourceEntry> sources = new ArrayList<>();
        final List<OperatorEntry> operators = new ArrayList<>();
        /** Source tasks that have taken their share (a parallel source runs in several tasks, each starts its barriers). */
        final Set<Task> sourceTasks = new HashSet<>();

        Pending(long id, int tasks, long startNanos) {
            this.id = id;
            this.missing = tasks;
            this.startNanos = startNanos;
        }
    }

    /** A user's stop-with-savepoint: taken at the next round of the source task, then the job stops. */
    private static final class SavepointRequest {
        final CheckpointStorage storage;
        final CompletableFuture<Path> result = new CompletableFuture<>();
        boolean triggered;
        long id = Long.MAX_VALUE;
        Path file;
        final Set<Task> acknowledged = new HashSet<>();

        SavepointRequest(Path directory) {
            this.storage = new CheckpointStorage(directory, Integer.MAX_VALUE);
        }
    }

    private final CheckpointStorage storage;
    private final long intervalNanos;
    /** Flink's minimum pause: the next checkpoint starts at least this long after the previous one ended. */
    private final long minPauseNanos;
    private volatile long lastEndNanos;
    private final int tolerableFailures;
    private final StateSerializers serializers;
    private final CheckpointRestore restore;
    private volatile long lastTriggerNanos;
    private long nextId;
    private Pending pending;
    private int consecutiveFailures;
    private long completed;
    private long failed;
    private long lastDurationNanos;
    private long lastSizeBytes;
    private volatile long lastCompletedId = -1;
    private volatile SavepointRequest savepoint;
    /** Why this job cannot be checkpointed, or null; refused when checkpointing is on, reported on a savepoint. */
    private String obstacle;
    private List<Task> tasks = List.of();
    private Runnable stopJob = () -> { };

    /**
     * @param storage where checkpoints go, or null to only restore
     * @param restoreFrom what the restore directory held (a checkpoint, and the damaged newer ones it
     *                    skipped), or null to start fresh
     */
    public Checkpointing(CheckpointStorage storage, long intervalNanos, int tolerableFailures, long minPauseNanos,
                         StateSerializers serializers, CheckpointStorage.Restored restoreFrom) {
        this.storage = storage;
        this.intervalNanos = intervalNanos;
        this.minPauseNanos = minPauseNanos;
        this.tolerableFailures = tolerableFailures;
        this.serializers = serializers;
        this.restore = new CheckpointRestore(restoreFrom);
    }

    public synchronized CheckpointStats stats() {
        return new CheckpointStats(completed, failed, lastCompletedId, lastDurationNanos / 1_000_000, lastSizeBytes,
            restore.notRestored(tasks), restore.restoredId(), restore.skipped());
    }

    /**
     * Takes a savepoint into {@code directory} at the next round of the source task, lets every
     * operator hear that it completed (two-phase sinks commit), then stops the job. The future
     * gives the savepoint file, or fails if the job ended first or cannot be checkpointed.
     */
    public CompletableFuture<Path> stopWithSavepoint(Path directory) {
        if (obstacle != null) {
            return CompletableFuture.failedFuture(new IllegalStateException("Cannot take a savepoint: " + obstacle));
        }
        SavepointRequest request = new SavepointRequest(directory);
        synchronized (this) {
            if (savepoint != null) {
                return CompletableFuture.failedFuture(new IllegalStateException("A savepoint is already being taken"));
            }
            savepoint = request;
        }
        return request.result;
    }

    /** The job ended: a savepoint still waiting will not be taken. */
    synchronized void jobEnded(Throwable failure) {
        SavepointRequest sp = savepoint;
        if (sp != null && !sp.result.isDone()) {
            sp.result.completeExceptionally(new IllegalStateException(
                "The job ended before the savepoint was complete", failure));
        }
    }

    /** A task told its operators about {@code completedId}; the last one to do so after a savepoint stops the job. */
    void notified(Task task, long completedId) {
        SavepointRequest sp = savepoint;
        if (sp == null || completedId < sp.id) {
            return;
        }
        boolean stop;
        synchronized (this) {
            stop = sp.acknowledged.add(task) && sp.acknowledged.size() == tasks.size();
        }
        if (stop) {
            LOG.info("Savepoint {} written to {}; stopping the job", sp.id, sp.file);
            sp.result.complete(sp.file);
            stopJob.run();
        }
    }

    /** The newest checkpoint every task has contributed to and that is on disk; -1 before the first. */
    long lastCompletedId() {
        return lastCompletedId;
    }

    /**
     * Before anything runs: refuses a job whose checkpoints would be incomplete, reads the checkpoint
     * to restore, reports the state this job has no place for and recovers two-phase sinks.
     */
    void attach(List<Task> tasks, Runnable stopJob) {
        this.tasks = List.copyOf(tasks);
        this.stopJob = stopJob;
        this.sourceTaskCount = (int) tasks.stream().filter(t -> !t.sources.isEmpty()).count();
        obstacle = findObstacle(tasks);
        if (obstacle != null && (storage != null || restore.restoring())) {
            throw new IllegalStateException("Cannot checkpoint the job: " + obstacle);
        }
        lastTriggerNanos = System.nanoTime();
        lastEndNanos = lastTriggerNanos - minPauseNanos;
        try {
            nextId = storage != null ? storage.nextId() : 0;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list checkpoints in " + storage.directory() + ": " + e.getMessage(), e);
        }
        restore.attach(tasks);
    }

    private static String findObstacle(List<Task> tasks) {
        for (Task task : tasks) {
            for (SourceDriver<?> s : task.sources) {
                if (s.checkpointObstacle() != null) {
                    return s.checkpointObstacle();
                }
            }
            for (Operator<?, ?> op : task.operators) {
                if (!op.supportsCheckpoints()) {
                    return "operator '" + op.context().name() + "' (" + op.getClass().getSimpleName()
                        + ") does not support checkpoints yet";
                }
            }
        }
        return null;
    }

    /** Before the operators open: their state, so that states registered in open() find their values. */
    void restoreOperators(Task task) throws IOException {
        restore.restoreOperators(task, serializers);
    }

    /** After the sources open: their positions and watermarks. */
    void restoreSources(Task task) throws Exception {
        restore.restoreSources(task);
    }

    /**
     * Called by the task that runs the sources between rounds: starts a checkpoint when the interval
     * has passed and none is in flight, snapshots this task and sends the barriers.
     */
    void maybeTrigger(Task task) {
        long share = -1;
        synchronized (this) {
            if (pending != null && pending.sourceTasks.add(task)) {
                share = pending.id; // another source task (of a parallel source) started it: take this task's share now
            }
        }
        if (share >= 0) {
            contribute(task, share);
            task.sendBarrier(share);
            return;
        }
        SavepointRequest sp = savepoint;
        boolean savepointDue = sp != null && !sp.triggered;
        if (storage == null && !savepointDue) {
            return;
        }
        long now = System.nanoTime();
        if (!savepointDue && (now - lastTriggerNanos < intervalNanos || now - lastEndNanos < minPauseNanos)) {
            return;
        }
        long id;
        synchronized (this) {
            if (pending != null) {
                return;
            } else if (finishedSourceTasks > 0 && sourceTaskCount > 1) {
                // a finished source task cannot take its share of a new checkpoint (Flink before FLIP-147 stops the same way)
                return;
            } else {
                id = startCheckpoint(task, savepointDue, sp, now);
            }
        }
        lastTriggerNanos = now;
        contribute(task, id);
        task.sendBarrier(id);
    }

    /** A source task finished: with parallel sources, checkpoints stop, since it can no longer start its barriers. */
    synchronized void sourceTaskFinished() {
        finishedSourceTasks++;
    }

    private int finishedSourceTasks;
    /** Tasks that run sources: more than one when a parallel source runs at parallelism above 1. */
    private int sourceTaskCount;

    /** Under the lock: checkpoint {@code id} starts with {@code task}'s share. */
    private long startCheckpoint(Task task, boolean savepointDue, SavepointRequest sp, long now) {
        long id = nextId++;
        pending = new Pending(id, tasks.size(), now);
        pending.target = savepointDue ? sp.storage : storage;
        if (savepointDue) {
            sp.triggered = true;
            sp.id = id;
            pending.savepoint = sp;
        }
        pending.sourceTasks.add(task);
        return id;
    }

    /** A task's share of checkpoint {@code id}: its sources and operators, taken between records. */
    void contribute(Task task, long id) {
        List<SourceEntry> sources = new ArrayList<>();
        List<OperatorEntry> operators = new ArrayList<>();
        String failure = null;
        try {
            for (SourceDriver<?> s : task.sources) {
                ByteArrayOutputStream blob = new ByteArrayOutputStream();
                s.snapshot(new DataOutputStream(blob));
                sources.add(new SourceEntry(s.checkpointName(), blob.toByteArray()));
            }
            for (Operator<?, ?> op : task.operators) {
                ByteArrayOutputStream blob = new ByteArrayOutputStream();
                op.snapshotState(id, new DataOutputStream(blob), serializers);
                OperatorContext ctx = op.context();
                operators.add(new OperatorEntry(ctx.name(), ctx.subtask(), ctx.parallelism(), blob.toByteArray()));
            }
        } catch (IOException | StateSerializationException e) {
            failure = e.getMessage();
        }
        Pending done;
        synchronized (this) {
            Pending p = pending;
            if (p == null || p.id != id) {
                return; // the job is being torn down
            }
            p.sources.addAll(sources);
            p.operators.addAll(operators);
            if (failure != null && p.failure == null) {
                p.failure = failure;
            }
            if (--p.missing > 0) {
                return;
            }
            done = p;
        }
        finish(done);
    }

    /** Writes a checkpoint all tasks contributed to; the next one may start only after this. */
    private void finish(Pending p) {
        String failure = p.failure;
        int size = 0;
        if (failure == null) {
            try {
                byte[] payload = new CheckpointPayload(p.sources, p.operators).encode();
                size = payload.length;
                Checkpoint written = p.target.write(p.id, payload);
                if (p.savepoint != null) {
                    p.savepoint.file = written.file();
                }
            } catch (IOException e) {
                failure = e.getMessage();
            }
        }
        lastEndNanos = System.nanoTime();
        synchronized (this) {
            pending = null;
            if (failure == null) {
                consecutiveFailures = 0;
                completed++;
                lastDurationNanos = System.nanoTime() - p.startNanos;
                lastSizeBytes = size;
                lastCompletedId = p.id;
                return;
            }
            failed++;
            if (p.savepoint == null) {
                consecutiveFailures++;
            }
        }
        if (p.savepoint != null) {
            p.savepoint.result.completeExceptionally(new IllegalStateException("Savepoint " + p.id + " failed: " + failure));
            LOG.error("Savepoint {} failed: {}", p.id, failure);
            return; // a failed savepoint leaves the job running, as in Flink
        }
        LOG.error("Checkpoint {} failed ({} in a row): {}", p.id, consecutiveFailures, failure);
        if (consecutiveFailures > tolerableFailures) {
            throw new IllegalStateException("Checkpoint " + p.id + " failed and " + consecutiveFailures
                + " consecutive failures exceed the tolerated " + tolerableFailures + ": " + failure);
        }
    }
}
