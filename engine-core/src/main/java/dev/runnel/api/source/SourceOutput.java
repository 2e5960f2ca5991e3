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
}
