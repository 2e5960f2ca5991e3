package dev.runnel.api.source;

/**
 * A pull-based source. The runtime calls {@link #poll} from a single thread; each call emits a
 * bounded number of records through the {@link SourceOutput} and returns, so that one thread can
 * interleave several sources and react to cancellation.
 */
public interface Source<T> {

    boolean isBounded();

    default void open(SourceContext context) throws Exception {}

    /** Emits at most {@code maxRecords} records (or scripted steps) and reports what is left. */
    SourceStatus poll(SourceOutput<T> output, int maxRecords) throws Exception;

    default void close() throws Exception {}

    /** A resumable position (an index, a byte offset), or -1 if the source cannot resume. */
    default long position() {
        return -1;
    }

    /**
     * Continues from a {@link #position()} taken earlier, when a job resumes from a checkpoint.
     * Called after {@link #open}. Sources that cannot resume keep the default, and checkpointing a job
     * that reads them is refused.
     */
    default void restorePosition(long position) throws Exception {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot resume from a position");
    }

    /**
     * Writes the position into a checkpoint. Sources whose position is more than one number (a byte
     * offset and a line number) override this and {@link #restorePosition(java.io.DataInput)}; the
     * default writes {@link #position()}.
     */
    default void snapshotPosition(java.io.DataOutput out) throws java.io.IOException {
        out.writeLong(position());
    }

    /** Reads what {@link #snapshotPosition} wrote and continues from there; called after {@link #open}. */
    default void restorePosition(java.io.DataInput in) throws Exception {
        restorePosition(in.readLong());
    }

    /**
     * Checkpoint {@code checkpointId}, whose position this source wrote last, is complete (Flink's
     * {@code CheckpointListener}). Sources that report progress outside the job (Kafka commits its
     * offsets for lag monitoring) do it here; nothing may depend on it for recovery. Called on the
     * source's thread, between polls.
     */
    default void notifyCheckpointComplete(long checkpointId) throws Exception {}
}
