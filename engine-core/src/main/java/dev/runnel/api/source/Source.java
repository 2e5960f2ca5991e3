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
}
