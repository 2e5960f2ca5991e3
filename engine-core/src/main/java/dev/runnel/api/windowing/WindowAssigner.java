package dev.runnel.api.windowing;

import java.util.Collection;

/** Assigns each element to zero or more windows and names the trigger used when the user sets none. */
public abstract class WindowAssigner<T, W extends Window> {

    /**
     * The windows of an element. {@code currentProcessingTime} is given so that processing-time
     * assigners ignore the element's timestamp.
     */
    public abstract Collection<W> assignWindows(T element, long timestamp, long currentProcessingTime);

    public abstract Trigger<T, W> getDefaultTrigger();

    public abstract boolean isEventTime();

    static long millis(java.time.Duration d, String what) {
        if (d == null) {
            throw new NullPointerException(what + " must not be null");
        }
        try {
            return d.toMillis();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " is too large for event time in milliseconds, got " + d);
        }
    }
}
