package dev.runnel.runtime;

import dev.runnel.checkpoint.Checkpoint;
import dev.runnel.checkpoint.CheckpointStorage;
import dev.runnel.checkpoint.StateSerializationException;
import dev.runnel.checkpoint.StateSerializers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic checkpoints of a job that runs as one task (parallelism 1), and its restore. The task
 * thread takes the checkpoint between two rounds of source polls, when no record is in flight, so
 * the sources' positions, the watermarks and every operator's state form a consistent cut without
 * any barrier. Each source and operator is stored under its name, so a restore matches state by
 * name and reports what it cannot place instead of dropping it silently.
 */
public final class Checkpointing {
    private static final Logger LOG = LoggerFactory.getLogger(Checkpointing.class);

    private final CheckpointStorage storage;
    private final long intervalNanos;
    private final int tolerableFailures;
    private final StateSerializers serializers;
    private final Checkpoint restoreFrom;
    private final List<String> unmatched = new ArrayList<>();
    private Map<String, byte[]> restoredSources = Map.of();
    private Map<String, byte[]> restoredOperators = Map.of();
    private long nextId;
    private long lastNanos;
    private int consecutiveFailures;

    /**
     * @param storage where checkpoints go, or null to only restore
     * @param restoreFrom the checkpoint to resume from, or null to start fresh
     */
    public Checkpointing(CheckpointStorage storage, long intervalNanos, int tolerableFailures,
                         StateSerializers serializers, Checkpoint restoreFrom) {
        this.storage = storage;
        this.intervalNanos = intervalNanos;
        this.tolerableFailures = tolerableFailures;
        this.serializers = serializers;
        this.restoreFrom = restoreFrom;
    }

    /** Names of checkpointed sources and operators this job has no counterpart for. */
    public synchronized List<String> unmatchedState() {
        return List.copyOf(unmatched);
    }

    /** Refuses, before anything runs, a job whose checkpoints would not be complete. */
    void check(List<Task> tasks) {
        if (tasks.size() != 1) {
            throw new IllegalStateException("Checkpoints are supported for jobs that run as one task (parallelism 1 "
                + "without exchanges); this job has " + tasks.size() + " tasks");
        }
        for (SourceDriver<?> s : tasks.get(0).sources) {
            String obstacle = s.checkpointObstacle();
            if (obstacle != null) {
                throw new IllegalStateException("Cannot checkpoint the job: " + obstacle);
            }
        }
        for (Operator<?, ?> op : tasks.get(0).operators) {
            if (!op.supportsCheckpoints()) {
                throw new IllegalStateException("Cannot checkpoint the job: operator '" + op.context().name() + "' ("
                    + op.getClass().getSimpleName() + ") does not support checkpoints yet");
            }
        }
    }

    /** Before the operators open: their state, so that states registered in open() find their values. */
    void restoreOperators(Task task) throws IOException {
        if (storage != null) {
            nextId = storage.nextId();
        }
        lastNanos = System.nanoTime();
        if (restoreFrom == null) {
            return;
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(restoreFrom.payload()));
        restoredSources = readSection(in);
        restoredOperators = readSection(in);
        for (Operator<?, ?> op : task.operators) {
            byte[] blob = restoredOperators.remove(op.context().name());
            if (blob != null) {
                op.restoreState(new DataInputStream(new ByteArrayInputStream(blob)), serializers);
            }
        }
        LOG.info("Restored checkpoint {} from {}", restoreFrom.id(), restoreFrom.file());
    }

    /** After the sources open: their positions and watermarks. */
    void restoreSources(Task task) throws Exception {
        if (restoreFrom == null) {
            return;
        }
        for (SourceDriver<?> s : task.sources) {
            byte[] blob = restoredSources.remove(s.name());
            if (blob != null) {
                s.restore(new DataInputStream(new ByteArrayInputStream(blob)));
            }
        }
        synchronized (this) {
            restoredSources.keySet().forEach(n -> unmatched.add("source '" + n + "'"));
            restoredOperators.keySet().forEach(n -> unmatched.add("operator '" + n + "'"));
        }
        if (!unmatched.isEmpty()) {
            LOG.warn("Checkpoint {} holds state for {} that this job does not have; it is not restored",
                restoreFrom.id(), unmatched);
        }
    }

    /** Called by the task thread between rounds; takes a checkpoint when the interval has passed. */
    void maybeCheckpoint(Task task) {
        if (storage == null) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastNanos < intervalNanos) {
            return;
        }
        lastNanos = now;
        checkpointNow(task);
    }

    void checkpointNow(Task task) {
        long id = nextId++;
        try {
            storage.write(id, snapshot(task));
            consecutiveFailures = 0;
        } catch (IOException | StateSerializationException e) {
            consecutiveFailures++;
            LOG.error("Checkpoint {} failed ({} in a row): {}", id, consecutiveFailures, e.getMessage());
            if (consecutiveFailures > tolerableFailures) {
                throw new IllegalStateException("Checkpoint " + id + " failed and " + consecutiveFailures
                    + " consecutive failures exceed the tolerated " + tolerableFailures + ": " + e.getMessage(), e);
            }
        }
    }

    private byte[] snapshot(Task task) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(task.sources.size());
        for (SourceDriver<?> s : task.sources) {
            ByteArrayOutputStream blob = new ByteArrayOutputStream();
            s.snapshot(new DataOutputStream(blob));
            writeEntry(out, s.name(), blob.toByteArray());
        }
        out.writeInt(task.operators.size());
        for (Operator<?, ?> op : task.operators) {
            ByteArrayOutputStream blob = new ByteArrayOutputStream();
            op.snapshotState(new DataOutputStream(blob), serializers);
            writeEntry(out, op.context().name(), blob.toByteArray());
        }
        out.flush();
        return bytes.toByteArray();
    }

    private static void writeEntry(DataOutputStream out, String name, byte[] blob) throws IOException {
        out.writeUTF(name);
        out.writeInt(blob.length);
        out.write(blob);
    }

    private static Map<String, byte[]> readSection(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String name = in.readUTF();
            byte[] blob = new byte[in.readInt()];
            in.readFully(blob);
            entries.put(name, blob);
        }
        return entries;
    }
}
