package dev.runnel.api.functions;

import dev.runnel.api.time.Watermark;

/**
 * Flink's legacy push-based source ({@code SourceFunction}, deprecated in Flink and still used by
 * its walkthroughs): {@link #run} emits records through the context until it returns or is
 * {@link #cancel cancelled}. Added with {@code StreamEnvironment.addSource}, it runs on a thread of
 * its own, feeding the job through a bounded queue (so a slow job holds it back), and cannot be
 * checkpointed: a checkpointed job with one is refused. New sources implement
 * {@link dev.runnel.api.source.Source}.
 */
public interface SourceFunction<T> extends java.io.Serializable {

    void run(SourceContext<T> ctx) throws Exception;

    /** Asks {@link #run} to return soon; called from another thread, after which run's thread is interrupted. */
    void cancel();

    /** Where a {@link SourceFunction} emits. */
    interface SourceContext<T> {
        /** A record without a timestamp of its own. */
        void collect(T element);

        void collectWithTimestamp(T element, long timestamp);

        void emitWatermark(Watermark mark);

        /** Accepted; Runnel's legacy source thread is never marked idle. */
        default void markAsTemporarilyIdle() {}

        /** The lock Flink has sources hold while they emit and change state; emitting needs no lock in Runnel. */
        Object getCheckpointLock();

        default void close() {}
    }
}
