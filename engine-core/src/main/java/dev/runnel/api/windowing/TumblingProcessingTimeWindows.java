package dev.runnel.api.windowing;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Fixed-size, non-overlapping windows of processing time. */
public final class TumblingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> implements SliceableAssigner {
    private final long size;
    private final long offset;

    private TumblingProcessingTimeWindows(long size, long offset) {
        if (size <= 0) {
            throw new IllegalArgumentException("Tumbling window size must be positive, got " + size + " ms");
        }
        if (Math.abs(offset) >= size) {
            throw new IllegalArgumentException("Tumbling window offset must satisfy |offset| < size, got offset " + offset
                + " ms for size " + size + " ms");
        }
        this.size = size;
        this.offset = offset;
    }

    public static TumblingProcessingTimeWindows of(Duration size) {
        return new TumblingProcessingTimeWindows(millis(size, "size"), 0);
    }

    public static TumblingProcessingTimeWindows of(Duration size, Duration offset) {
        return new TumblingProcessingTimeWindows(millis(size, "size"), millis(offset, "offset"));
    }

    /** @deprecated Flink's {@code Time} form (see {@link dev.runnel.api.windowing.time.Time}); use the {@code Duration} form. */
    @Deprecated
    public static TumblingProcessingTimeWindows of(dev.runnel.api.windowing.time.Time size) {
        return of(size.toDuration());
    }

    /** @deprecated Flink's {@code Time} form (see {@link dev.runnel.api.windowing.time.Time}); use the {@code Duration} form. */
    @Deprecated
    public static TumblingProcessingTimeWindows of(dev.runnel.api.windowing.time.Time size, dev.runnel.api.windowing.time.Time offset) {
        return of(size.toDuration(), offset.toDuration());
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, long currentProcessingTime) {
        long start = TimeWindow.getWindowStartWithOffset(currentProcessingTime, offset, size);
        return List.of(new TimeWindow(start, start + size));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return (Trigger) ProcessingTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return false;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public long slide() {
        return size;
    }

    @Override
    public long offset() {
        return offset;
    }

    @Override
    public String toString() {
        return "TumblingProcessingTimeWindows(" + size + ")";
    }
}
