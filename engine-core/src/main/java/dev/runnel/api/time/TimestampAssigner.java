package dev.runnel.api.time;

@FunctionalInterface
public interface TimestampAssigner<T> {
    /** Value used for {@code recordTimestamp} when the source gave the record no timestamp. */
    long NO_TIMESTAMP = Long.MIN_VALUE;

    long extractTimestamp(T element, long recordTimestamp);
}
