package dev.runnel.runtime;

import dev.runnel.api.sink.TwoPhaseCommitSink;
import dev.runnel.checkpoint.Checkpoint;
import dev.runnel.checkpoint.CheckpointStorage;
import dev.runnel.checkpoint.SkippedCheckpoint;
import dev.runnel.checkpoint.StateSerializers;
import dev.runnel.runtime.CheckpointPayload.OperatorEntry;
import dev.runnel.runtime.operators.SinkOperator;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The restore side of a job's checkpointing: which checkpoint it resumes from (if any) and which
 * newer, damaged ones it skipped; the snapshots of that checkpoint handed to sources and operators;
 * and what nothing in the job claims, reported instead of dropped.
 *
 * <p>Before any task runs, every {@link TwoPhaseCommitSink} hears
 * {@link TwoPhaseCommitSink#recover} once with the writer state of every old subtask, on one thread.
 * This is what keeps a fallback restore exactly-once: a sink may have committed output for a newer
 * checkpoint than the one restored (its commit follows the checkpoint file, and that file is what
 * was damaged); only a view of all old subtasks at once can remove it before the replay writes it
 * again, whatever the new parallelism. A two-phase sink that keeps the interface's default
 * {@code recover} (it cannot roll back) is refused a fallback restore, with what to do: resuming
 * would repeat whatever it committed after the restored checkpoint.
 */
final class CheckpointRestore {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointRestore.class);

    /** Null when the job starts without a checkpoint. */
    private final Checkpoint checkpoint;
    private final List<SkippedCheckpoint> skipped;
    private final List<String> unmatched = new ArrayList<>();
    private final Map<String, byte[]> sources = new LinkedHashMap<>();
    private final Map<String, List<OperatorEntry>> operators = new LinkedHashMap<>();

    /** @param found what the restore directory held, or null to start fresh */
    CheckpointRestore(CheckpointStorage.Restored found) {
        this.checkpoint = found == null ? null : found.checkpoint().orElseThrow();
        this.skipped = found == null ? List.of() : List.copyOf(found.skipped());
    }

    boolean restoring() {
        return checkpoint != null;
    }

    long restoredId() {
        return checkpoint == null ? -1 : checkpoint.id();
    }

    List<SkippedCheckpoint> skipped() {
        return skipped;
    }

    /** Before any task runs: reads the checkpoint, reports what this job has no place for, and recovers two-phase sinks. */
    void attach(List<Task> tasks) {
        if (checkpoint != null) {
            try {
                CheckpointPayload payload = CheckpointPayload.decode(checkpoint.payload());
                payload.sources().forEach(s -> sources.put(s.name(), s.blob()));
                for (OperatorEntry e : payload.operators()) {
                    operators.computeIfAbsent(e.name(), n -> new ArrayList<>()).add(e);
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read checkpoint " + checkpoint.file() + ": " + e.getMessage(), e);
            }
            findUnmatched(tasks);
            if (skipped.isEmpty()) {
                LOG.info("Restoring checkpoint {} from {}", checkpoint.id(), checkpoint.file());
            } else {
                LOG.warn("Restoring checkpoint {} from {}, not the newest: skipped {}. Exactly-once sinks roll back"
                    + " what they committed after checkpoint {}; the replay from it writes that output again.",
                    checkpoint.id(), checkpoint.file(), skipped, checkpoint.id());
            }
        }
        recoverTwoPhaseSinks(tasks);
    }

    private void findUnmatched(List<Task> tasks) {
        Set<String> sourceNames = new HashSet<>();
        Set<String> operatorNames = new HashSet<>();
        for (Task task : tasks) {
            task.sources.forEach(s -> sourceNames.add(s.name()));
            task.sources.forEach(s -> sourceNames.add(s.checkpointName()));
            task.operators.forEach(op -> operatorNames.add(op.context().name()));
        }
        sources.keySet().stream().filter(n -> !sourceNames.contains(n) && !sourceNames.contains(sourceOf(n))).forEach(n -> unmatched.add("source '" + n + "'"));
        operators.keySet().stream().filter(n -> !operatorNames.contains(n)).forEach(n -> unmatched.add("operator '" + n + "'"));
        if (!unmatched.isEmpty()) {
            LOG.warn("Checkpoint {} holds state for {} that this job does not have; it is not restored", checkpoint.id(), unmatched);
        }
    }

    /** Each sink object once (its subtasks share it), with the writer states of all its old subtasks; none on a fresh start. */
    private void recoverTwoPhaseSinks(List<Task> tasks) {
        Map<TwoPhaseCommitSink<?>, String> sinks = new IdentityHashMap<>();
        for (Task task : tasks) {
            for (Operator<?, ?> op : task.operators) {
                if (op instanceof SinkOperator<?> sink && sink.twoPhaseSink() != null) {
                    sinks.putIfAbsent(sink.twoPhaseSink(), op.context().name());
                }
            }
        }
        sinks.forEach((sink, name) -> {
            if (!skipped.isEmpty() && !canRollBack(sink)) {
                throw new IllegalStateException("Cannot restore checkpoint " + checkpoint.id() + " of " + checkpoint.file().getParent()
                    + " exactly-once: newer checkpoint(s) are damaged (" + skipped + "), and sink '" + name + "' ("
                    + sink.getClass().getName() + ") may have committed output for them that the replay from checkpoint "
                    + checkpoint.id() + " writes again; it does not implement TwoPhaseCommitSink.recover to roll that back."
                    + " Implement recover, or remove the damaged file(s) to restore checkpoint " + checkpoint.id()
                    + " and accept that output committed after it is repeated.");
            }
            List<byte[]> states = new ArrayList<>();
            try {
                for (OperatorEntry e : operators.getOrDefault(name, List.of())) {
                    byte[] state = SinkOperator.writerState(e.blob());
                    if (state != null) {
                        states.add(state);
                    }
                }
                sink.recover(states);
            } catch (Exception e) {
                throw new IllegalStateException("Sink '" + name + "' cannot recover"
                    + (checkpoint == null ? "" : " to checkpoint " + checkpoint.id()) + ": " + e.getMessage(), e);
            }
        });
    }

    /** Whether the sink overrides {@link TwoPhaseCommitSink#recover}; the default does nothing. */
    private static boolean canRollBack(TwoPhaseCommitSink<?> sink) {
        try {
            return sink.getClass().getMethod("recover", List.class).getDeclaringClass() != TwoPhaseCommitSink.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** Before the operators open: their state, so that states registered in open() find their values. */
    void restoreOperators(Task task, StateSerializers serializers) throws IOException {
        for (Operator<?, ?> op : task.operators) {
            for (OperatorEntry e : snapshotsFor(op, operators.getOrDefault(op.context().name(), List.of()))) {
                op.restoreState(new DataInputStream(new ByteArrayInputStream(e.blob())), serializers);
            }
        }
    }

    /**
     * At the checkpoint's parallelism a subtask gets its own snapshot. Otherwise a keyed operator
     * reads all of them (keeping its keys) and a non-keyed one those of old subtasks congruent to it.
     */
    private static List<OperatorEntry> snapshotsFor(Operator<?, ?> op, List<OperatorEntry> entries) {
        int subtask = op.context().subtask();
        int parallelism = op.context().parallelism();
        List<OperatorEntry> chosen = new ArrayList<>();
        for (OperatorEntry e : entries) {
            boolean mine = e.parallelism() == parallelism
                ? e.subtask() == subtask
                : op instanceof KeyedOperator<?, ?, ?> || e.subtask() % parallelism == subtask;
            if (mine) {
                chosen.add(e);
            }
        }
        return chosen;
    }

    /** The source a checkpoint entry belongs to: {@code name#subtask} (a parallel source's reader) or {@code name}. */
    private static String sourceOf(String entry) {
        return entry.matches(".*#\\d+") ? entry.substring(0, entry.lastIndexOf('#')) : entry;
    }

    /**
     * After the sources open: their positions and watermarks. At the checkpoint's parallelism each reader
     * gets its own entry; at another one (a parallel source), every reader gets all the old readers'
     * entries and keeps the splits it now owns.
     */
    void restoreSources(Task task) throws Exception {
        for (SourceDriver<?> s : task.sources) {
            List<byte[]> old = new ArrayList<>();
            sources.forEach((entry, blob) -> {
                if (sourceOf(entry).equals(s.name())) {
                    old.add(blob);
                }
            });
            byte[] own = sources.get(s.checkpointName());
            List<byte[]> blobs = own != null && old.size() == s.parallelism() ? List.of(own) : old;
            if (!blobs.isEmpty()) {
                List<DataInputStream> ins = new ArrayList<>();
                blobs.forEach(b -> ins.add(new DataInputStream(new ByteArrayInputStream(b))));
                s.restore(ins);
            }
        }
    }

    /** Restored state nothing in the job took: of sources and operators it lacks, and states no operator registered. */
    List<String> notRestored(List<Task> tasks) {
        List<String> notRestored = new ArrayList<>(unmatched);
        if (checkpoint == null) {
            return notRestored;
        }
        // states of existing operators that no state of the new job claimed (by state name)
        for (Task task : tasks) {
            for (Operator<?, ?> op : task.operators) {
                if (op instanceof KeyedOperator<?, ?, ?> keyed) {
                    for (String state : keyed.backend().unclaimedRestoredStates()) {
                        String entry = "operator '" + op.context().name() + "' state '" + state + "'";
                        if (!notRestored.contains(entry)) {
                            notRestored.add(entry);
                        }
                    }
                }
            }
        }
        return notRestored;
    }
}
