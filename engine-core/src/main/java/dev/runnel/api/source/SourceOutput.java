package dev.runnel.api.source;

import dev.runnel.api.OutputTag;

/** Where a source emits records, explicit watermarks, dead letters and scripted clock moves. */
public interface SourceOutput<T> {
    /** Emits a record without a timestamp of its own; the strategy's timestamp assigner gives it one. */
    void collect(T record);

    /** Emits a record with a source-given timestamp (which the strategy's assigner may still override). */
    void collect(T record, long timestamp);

    /** Emits a watermark directly (as scripted tests do); it is ignored if it does not move time forward. */
    void emitWatermark(long watermark);

    void markIdle();

    /** Reports a row that could not be read; it goes to {@link DeadLetter#TAG} and is counted. */
    void deadLetter(DeadLetter deadLetter);

    <X> void output(OutputTag<X> tag, X value);

    /**
     * Moves the job's {@code ManualClock} to {@code millis} and lets processing-time timers and
     * periodic watermarks react. Fails if the job does not run on a {@code ManualClock}.
     */
    void advanceProcessingTimeTo(long millis);

    /**
     * An output for one split of the source (a Kafka partition, a file), as Flink's
     * {@code ReaderOutput.createOutputForSplit}: each split runs its own copy of the strategy's
     * watermark generator, and the source's watermark is the minimum over its splits, leaving out
     * splits the generator marked idle ({@code withIdleness}); when every split is idle the source
     * is idle. Records and watermarks of a split go through its output; once a source has split
     * outputs, only they make its watermark. Asking again for the same split returns the same output.
     */
    default SourceOutput<T> createOutputForSplit(String splitId) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no per-split outputs");
    }

    /** The split is finished or gone: it no longer holds back the source's watermark. */
    default void releaseOutputForSplit(String splitId) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " has no per-split outputs");
    }
}
