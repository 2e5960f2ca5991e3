package dev.runnel.api.windowing;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Fixed-size, non-overlapping event-time windows. */
public final class TumblingEventTimeWindows extends WindowAssigner<Object, TimeWindow> implements SliceableAssigner {
    private final long size;
    private final long offset;

    private TumblingEventTimeWindows(long size, long offset) {
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

    public static TumblingEventTimeWindows of(Duration size) {
        return new TumblingEventTimeWindows(millis(size, "size"), 0);
    }

    public static TumblingEventTimeWindows of(Duration size, Duration offset) {
        return new TumblingEventTimeWindows(millis(size, "size"), millis(offset, "offset"));
    }

    /** @deprecated Flink's {@code Time} form (see {@link dev.runnel.api.windowing.time.Time}); use the {@code Duration} form. */
    @Deprecated
    public static TumblingEventTimeWindows of(dev.runnel.api.windowing.time.Time size) {
        return of(size.toDuration());
    }

    /** @deprecated Flink's {@code Time} form (see {@link dev.runnel.api.windowing.time.Time}); use the {@code Duration} form. */
    @Deprecated
    public static TumblingEventTimeWindows of(dev.runnel.api.windowing.time.Time size, dev.runnel.api.windowing.time.Time offset) {
        return of(size.toDuration(), offset.toDuration());
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, long currentProcessingTime) {
        if (timestamp == Long.MIN_VALUE) {
            throw new IllegalStateException("Record has no timestamp: event-time windows need a WatermarkStrategy with a "
                + "timestamp assigner (or a source that gives timestamps)");
        }
        long start = TimeWindow.getWindowStartWithOffset(timestamp, offset, size);
        return List.of(new TimeWindow(start, start + size));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Trigger<Object, TimeWindow> getDefaultTrigger() {
        return (Trigger) EventTimeTrigger.create();
    }

    @Override
    public boolean isEventTime() {
        return true;
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
        return "TumblingEventTimeWindows(" + size + ")";
    }
}
