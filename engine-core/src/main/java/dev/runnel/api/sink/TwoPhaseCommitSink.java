package dev.runnel.api.sink;

import dev.runnel.api.functions.Sink;
import java.util.List;

/**
 * A sink whose output becomes visible only when a checkpoint that covers it completes (two-phase
 * commit, as Flink's {@code TwoPhaseCommitSinkFunction}): records go into an open transaction; a
 * checkpoint pre-commits it (makes it durable but invisible) and stores what is needed to commit it;
 * when the checkpoint is complete the transaction is committed. A job restored from a checkpoint
 * commits that checkpoint's transactions (they may not have been committed before the crash) and
 * discards everything written after it, so its output has no duplicates and no holes.
 *
 * <p>"Everything written after it" includes transactions already committed for newer checkpoints:
 * a restore falls back to an older checkpoint when the newest checkpoint file is damaged, and the
 * sink committed that newer checkpoint's output when it completed. {@link #recover} is where a sink
 * undoes it (or refuses the restore by throwing). A sink that keeps the default {@code recover},
 * which does nothing, is refused such a fallback restore by the runtime, since its output would
 * have duplicates; restores of the newest checkpoint are not affected.
 *
 * <p>When a job starts, the runtime calls {@link #recover} once, on one thread, then each parallel
 * subtask gets its own {@link Writer}, created on its task thread; the sink object itself is shared.
 */
public interface TwoPhaseCommitSink<T> extends Sink<T> {

    /**
     * Called once when a job starts, before any writer is created: puts the sink's output in the
     * state of the restored checkpoint, whatever happened after it. Commits what the checkpoint
     * pre-committed, aborts what was written after it, and rolls back what was committed after it.
     * Throwing refuses the start (the message should say what to do).
     *
     * @param restored what {@link Writer#preCommit} returned at the restored checkpoint, for every
     *                 subtask the sink had then; empty when the job starts without a checkpoint
     */
    default void recover(List<byte[]> restored) throws Exception {}

    /**
     * The writer of subtask {@code subtask}.
     *
     * @param restored what {@link Writer#preCommit} returned at the restored checkpoint, for each old
     *                 subtask this one takes over (its own at an unchanged parallelism); empty when
     *                 the job starts fresh. {@link #recover} has already seen these states.
     */
    Writer<T> createWriter(int subtask, List<byte[]> restored) throws Exception;

    /** Records go to the writers; the runtime never calls this. */
    @Override
    default void invoke(T value) {
        throw new UnsupportedOperationException("A two-phase sink writes through the writer of each subtask");
    }

    /** One subtask's transactions. Called on one thread, between records. */
    interface Writer<T> {
        void write(T value, long timestamp) throws Exception;

        /**
         * Checkpoint {@code checkpointId} is being taken: make what was written since the previous one
         * durable as a pending transaction. Returns the state a restore needs to commit every pending
         * transaction and discard later output.
         */
        byte[] preCommit(long checkpointId) throws Exception;

        /** Every checkpoint up to {@code checkpointId} is complete: commit their pending transactions. */
        void commit(long checkpointId) throws Exception;

        /** End of input: no checkpoint follows, so commit everything written. */
        void finish() throws Exception;

        /** The job stops or fails: release resources and leave uncommitted output invisible. */
        void close() throws Exception;
    }
}
