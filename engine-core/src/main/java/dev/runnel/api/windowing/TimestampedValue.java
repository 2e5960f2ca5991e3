package dev.runnel.api.windowing;

import java.util.Objects;

/** An element kept by a window with an evictor, and its timestamp; what an {@link Evictor} sees. */
public final class TimestampedValue<T> implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** The timestamp of a record without one (Runnel's sentinel, {@code Long.MIN_VALUE}). */
    private static final long NO_TIMESTAMP = Long.MIN_VALUE;

    private final T value;
    private final long timestamp;

    /** A value without a timestamp. */
    public TimestampedValue(T value) {
        this(value, NO_TIMESTAMP);
    }

    public TimestampedValue(T value, long timestamp) {
        this.value = value;
        this.timestamp = timestamp;
    }

    public T getValue() {
        return value;
    }

    /** The timestamp; meaningful only if {@link #hasTimestamp()}. */
    public long getTimestamp() {
        return timestamp;
    }

    public boolean hasTimestamp() {
        return timestamp != NO_TIMESTAMP;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimestampedValue<?> t && t.timestamp == timestamp && Objects.equals(t.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value, timestamp);
    }

    @Override
    public String toString() {
        return hasTimestamp() ? value + "@" + timestamp : String.valueOf(value);
    }
}
