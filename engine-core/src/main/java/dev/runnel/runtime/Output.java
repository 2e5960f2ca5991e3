package dev.runnel.runtime;

/**
 * Where a record stream goes next: the next operator of a chain, a fan-out, or a channel to another
 * worker. Records travel as (value, timestamp) with the timestamp as a primitive, so nothing wraps
 * them; {@code Long.MIN_VALUE} means "no timestamp". Control events travel in the same order as
 * records: watermarks, idleness, processing-time ticks and end of input.
 */
public interface Output<T> {
    long NO_TIMESTAMP = Long.MIN_VALUE;

    void collect(T value, long timestamp);

    /** Called only with strictly increasing values by well-behaved producers; consumers ignore the rest. */
    void watermark(long watermark);

    /** The producer stopped (or resumed) sending watermarks; an idle input does not hold back the minimum. */
    void idle(boolean idle);

    /** Processing time advanced to {@code now}: due processing-time timers fire. */
    void tick(long now);

    /** A latency marker stamped with {@code System.nanoTime()} at its source; sinks record its transit time. */
    void latencyMarker(long originNanos);

    /** No more input: sent once, after the final {@code Long.MAX_VALUE} watermark. */
    void end();
}
