package dev.runnel.api.windowing;

import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;

/**
 * Keeps the elements of the last {@code windowSize} of the window's contents: with {@code max} the
 * largest element timestamp, evicts every element whose timestamp is at or before
 * {@code max - windowSize} (Flink's {@code TimeEvictor}). Does nothing if the elements have no
 * timestamps.
 */
public final class TimeEvictor<W extends Window> implements Evictor<Object, W> {
    private static final long serialVersionUID = 1L;
    private final long windowSize;
    private final boolean doEvictAfter;

    private TimeEvictor(Duration windowSize, boolean doEvictAfter) {
        Objects.requireNonNull(windowSize, "windowSize");
        if (windowSize.isNegative()) {
            throw new IllegalArgumentException("TimeEvictor size must not be negative, got " + windowSize);
        }
        this.windowSize = windowSize.toMillis();
        this.doEvictAfter = doEvictAfter;
    }

    public static <W extends Window> TimeEvictor<W> of(Duration windowSize) {
        return new TimeEvictor<>(windowSize, false);
    }

    public static <W extends Window> TimeEvictor<W> of(Duration windowSize, boolean doEvictAfter) {
        return new TimeEvictor<>(windowSize, doEvictAfter);
    }

    /** @deprecated Flink's {@code Time} form (see {@link dev.runnel.api.windowing.time.Time}); use the {@code Duration} form. */
    @Deprecated
    public static <W extends Window> TimeEvictor<W> of(dev.runnel.api.windowing.time.Time windowSize) {
        return of(windowSize.toDuration());
    }

    @Override
    public void evictBefore(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (!doEvictAfter) {
            evict(elements);
        }
    }

    @Override
    public void evictAfter(Iterable<TimestampedValue<Object>> elements, int size, W window, EvictorContext ctx) {
        if (doEvictAfter) {
            evict(elements);
        }
    }

    private void evict(Iterable<TimestampedValue<Object>> elements) {
        Iterator<TimestampedValue<Object>> first = elements.iterator();
        if (!first.hasNext() || !first.next().hasTimestamp()) {
            return; // as in Flink: the first element decides whether the elements have timestamps
        }
        long max = Long.MIN_VALUE;
        for (TimestampedValue<Object> e : elements) {
            max = Math.max(max, e.getTimestamp());
        }
        long cutoff = max - windowSize;
        for (Iterator<TimestampedValue<Object>> it = elements.iterator(); it.hasNext(); ) {
            if (it.next().getTimestamp() <= cutoff) {
                it.remove();
            }
        }
    }

    @Override
    public String toString() {
        return "TimeEvictor(" + windowSize + " ms" + (doEvictAfter ? ", after" : "") + ")";
    }
}
