package dev.runnel.api.windowing;

import java.time.Duration;
import java.util.Collection;

/** Processing-time windows of {@code size} starting every {@code slide}. */
public final class SlidingProcessingTimeWindows extends WindowAssigner<Object, TimeWindow> implements SliceableAssigner {
    private final long size;
    private final long slide;
    private final long offset;

    private SlidingProcessingTimeWindows(long size, long slide, long offset) {
        SlidingEventTimeWindows.validate(size, slide, offset);
        this.size = size;
        this.slide = slide;
        this.offset = offset;
    }

    public static SlidingProcessingTimeWindows of(Duration size, Duration slide) {
        return new SlidingProcessingTimeWindows(millis(size, "size"), millis(slide, "slide"), 0);
    }

    public static SlidingProcessingTimeWindows of(Duration size, Duration slide, Duration offset) {
        return new SlidingProcessingTimeWindows(millis(size, "size"), millis(slide, "slide"), millis(offset, "offset"));
    }

    /** @deprecated Flink's {@code Time} form (see {@link dev.runnel.api.windowing.time.Time}); use the {@code Duration} form. */
    @Deprecated
    public static SlidingProcessingTimeWindows of(dev.runnel.api.windowing.time.Time size, dev.runnel.api.windowing.time.Time slide) {
        return of(size.toDuration(), slide.toDuration());
    }

    /** @deprecated Flink's {@code Time} form (see {@link dev.runnel.api.windowing.time.Time}); use the {@code Duration} form. */
    @Deprecated
    public static SlidingProcessingTimeWindows of(dev.runnel.api.windowing.time.Time size, dev.runnel.api.windowing.time.Time slide, dev.runnel.api.windowing.time.Time offset) {
        return of(size.toDuration(), slide.toDuration(), offset.toDuration());
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, long currentProcessingTime) {
        return SlidingEventTimeWindows.windowsFor(currentProcessingTime, size, slide, offset);
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
        return slide;
    }

    @Override
    public long offset() {
        return offset;
    }
}
