package dev.runnel.api.windowing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Event-time windows of {@code size} starting every {@code slide}; an element belongs to {@code size / slide} of them. */
public final class SlidingEventTimeWindows extends WindowAssigner<Object, TimeWindow> implements SliceableAssigner {
    private final long size;
    private final long slide;
    private final long offset;

    private SlidingEventTimeWindows(long size, long slide, long offset) {
        validate(size, slide, offset);
        this.size = size;
        this.slide = slide;
        this.offset = offset;
    }

    static void validate(long size, long slide, long offset) {
        if (size <= 0 || slide <= 0) {
            throw new IllegalArgumentException("Sliding window size and slide must be positive, got size " + size
                + " ms, slide " + slide + " ms");
        }
        if (Math.abs(offset) >= slide) {
            throw new IllegalArgumentException("Sliding window offset must satisfy |offset| < slide, got offset " + offset
                + " ms for slide " + slide + " ms");
        }
    }

    public static SlidingEventTimeWindows of(Duration size, Duration slide) {
        return new SlidingEventTimeWindows(millis(size, "size"), millis(slide, "slide"), 0);
    }

    public static SlidingEventTimeWindows of(Duration size, Duration slide, Duration offset) {
        return new SlidingEventTimeWindows(millis(size, "size"), millis(slide, "slide"), millis(offset, "offset"));
    }

    /** @deprecated Flink's {@code Time} form (see {@link dev.runnel.api.windowing.time.Time}); use the {@code Duration} form. */
    @Deprecated
    public static SlidingEventTimeWindows of(dev.runnel.api.windowing.time.Time size, dev.runnel.api.windowing.time.Time slide) {
        return of(size.toDuration(), slide.toDuration());
    }

    /** @deprecated Flink's {@code Time} form (see {@link dev.runnel.api.windowing.time.Time}); use the {@code Duration} form. */
    @Deprecated
    public static SlidingEventTimeWindows of(dev.runnel.api.windowing.time.Time size, dev.runnel.api.windowing.time.Time slide, dev.runnel.api.windowing.time.Time offset) {
        return of(size.toDuration(), slide.toDuration(), offset.toDuration());
    }

    static List<TimeWindow> windowsFor(long timestamp, long size, long slide, long offset) {
        List<TimeWindow> windows = new ArrayList<>((int) (size / slide) + 1);
        long lastStart = TimeWindow.getWindowStartWithOffset(timestamp, offset, slide);
        for (long start = lastStart; start > timestamp - size; start -= slide) {
            windows.add(new TimeWindow(start, start + size));
        }
        return windows;
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, long currentProcessingTime) {
        if (timestamp == Long.MIN_VALUE) {
            throw new IllegalStateException("Record has no timestamp: event-time windows need a WatermarkStrategy with a "
                + "timestamp assigner (or a source that gives timestamps)");
        }
        return windowsFor(timestamp, size, slide, offset);
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
        return slide;
    }

    @Override
    public long offset() {
        return offset;
    }

    @Override
    public String toString() {
        return "SlidingEventTimeWindows(" + size + ", " + slide + ")";
    }
}
