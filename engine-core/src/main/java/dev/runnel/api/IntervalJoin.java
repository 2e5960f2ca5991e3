package dev.runnel.api;

import dev.runnel.api.functions.KeySelector;
import java.time.Duration;
import java.util.Objects;

/**
 * The first step of an interval join, {@code left.intervalJoin(right)}: choose the interval with
 * {@link #between}. Flink's {@code KeyedStream.IntervalJoin}; a top-level class here (import
 * {@code dev.runnel.api.IntervalJoin}), see docs/semantics.md.
 */
public final class IntervalJoin<T1, T2, KEY> {
    private final KeyedStream<T1, KEY> left;
    private final KeyedStream<T2, KEY> right;
    private boolean processingTime;

    IntervalJoin(KeyedStream<T1, KEY> left, KeyedStream<T2, KEY> right) {
        if (left.environment() != right.environment()) {
            throw new IllegalArgumentException("Cannot join streams of different StreamEnvironments");
        }
        this.left = left;
        this.right = right;
    }

    /** The only time the join supports, and the default (as in Flink). */
    public IntervalJoin<T1, T2, KEY> inEventTime() {
        processingTime = false;
        return this;
    }

    /** Accepted for Flink's API, but {@link #between} then fails: interval joins run in event time only. */
    public IntervalJoin<T1, T2, KEY> inProcessingTime() {
        processingTime = true;
        return this;
    }

    /**
     * Joins each left element with the right elements of its key whose timestamp lies in
     * {@code [left + lowerBound, left + upperBound]} (both inclusive unless made exclusive).
     */
    public IntervalJoined<T1, T2, KEY> between(Duration lowerBound, Duration upperBound) {
        if (processingTime) {
            throw new UnsupportedOperationException("Time-bounded stream joins are only supported in event time");
        }
        long lower = millis(Objects.requireNonNull(lowerBound, "lowerBound"), "lowerBound");
        long upper = millis(Objects.requireNonNull(upperBound, "upperBound"), "upperBound");
        if (lower > upper) {
            throw new IllegalArgumentException("lowerBound <= upperBound must be fulfilled, got lowerBound " + lowerBound
                + " and upperBound " + upperBound);
        }
        return new IntervalJoined<>(left, right, lower, upper);
    }

    /** @deprecated Flink's {@code Time} form (see {@link dev.runnel.api.windowing.time.Time}); use the {@code Duration} form. */
    @Deprecated
    public IntervalJoined<T1, T2, KEY> between(dev.runnel.api.windowing.time.Time lowerBound, dev.runnel.api.windowing.time.Time upperBound) {
        return between(lowerBound.toDuration(), upperBound.toDuration());
    }

    private static long millis(Duration d, String name) {
        if (d.abs().compareTo(Duration.ofMillis(Long.MAX_VALUE / 4)) > 0) {
            throw new IllegalArgumentException(name + " is too large for event time in milliseconds, got " + d);
        }
        return d.toMillis();
    }

    static <T, K> KeySelector<T, K> keyOf(KeyedStream<T, K> stream) {
        return stream.keySelector();
    }
}
