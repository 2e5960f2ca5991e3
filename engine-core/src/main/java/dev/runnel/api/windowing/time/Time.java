package dev.runnel.api.windowing.time;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Flink's {@code org.apache.flink.streaming.api.windowing.time.Time}: a length of time, as Flink
 * programs before 1.19 give window sizes, allowed lateness and CEP's {@code within}. Deprecated in
 * Flink 1.19 and gone in 2.0, as here: Runnel takes {@link Duration}, and the methods that take a
 * {@code Time} convert it with {@link #toDuration()}. It is here because many public programs still
 * write {@code within(Time.seconds(10))}, and an import map cannot turn that into a {@code Duration}.
 *
 * @deprecated use {@link Duration}, as Flink 1.19+ does.
 */
@Deprecated
public final class Time implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    private final TimeUnit unit;
    private final long size;

    private Time(long size, TimeUnit unit) {
        this.unit = Objects.requireNonNull(unit, "time unit may not be null");
        this.size = size;
    }

    public static Time of(long size, TimeUnit unit) {
        return new Time(size, unit);
    }

    public static Time milliseconds(long milliseconds) {
        return of(milliseconds, TimeUnit.MILLISECONDS);
    }

    public static Time seconds(long seconds) {
        return of(seconds, TimeUnit.SECONDS);
    }

    public static Time minutes(long minutes) {
        return of(minutes, TimeUnit.MINUTES);
    }

    public static Time hours(long hours) {
        return of(hours, TimeUnit.HOURS);
    }

    public static Time days(long days) {
        return of(days, TimeUnit.DAYS);
    }

    public static Time fromDuration(Duration duration) {
        return milliseconds(duration.toMillis());
    }

    /** The {@code Duration} Runnel takes; null stays null (Flink's {@code toDuration} does the same). */
    public static Duration toDuration(Time time) {
        return time == null ? null : time.toDuration();
    }

    public TimeUnit getUnit() {
        return unit;
    }

    public long getSize() {
        return size;
    }

    public long toMilliseconds() {
        return unit.toMillis(size);
    }

    public Duration toDuration() {
        return Duration.ofMillis(toMilliseconds());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Time other && other.toMilliseconds() == toMilliseconds();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(toMilliseconds());
    }

    @Override
    public String toString() {
        return toMilliseconds() + " ms";
    }
}
