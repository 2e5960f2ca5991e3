package dev.runnel.api.windowing;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Sessions of processing time: an element opens {@code [now, now + gap)}; windows that meet merge. */
public final class ProcessingTimeSessionWindows extends MergingWindowAssigner<Object, TimeWindow> {
    private final long gap;

    private ProcessingTimeSessionWindows(long gap) {
        if (gap <= 0) {
            throw new IllegalArgumentException("Session gap must be positive, got " + gap + " ms");
        }
        this.gap = gap;
    }

    public static ProcessingTimeSessionWindows withGap(Duration gap) {
        return new ProcessingTimeSessionWindows(millis(gap, "gap"));
    }

    /** @deprecated Flink's {@code Time} form (see {@link dev.runnel.api.windowing.time.Time}); use the {@code Duration} form. */
    @Deprecated
    public static ProcessingTimeSessionWindows withGap(dev.runnel.api.windowing.time.Time gap) {
        return withGap(gap.toDuration());
    }

    /** The gap in milliseconds (as {@link EventTimeSessionWindows#gap()}): back ends other than the local one need it. */
    public long gap() {
        return gap;
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, long currentProcessingTime) {
        return List.of(new TimeWindow(currentProcessingTime, currentProcessingTime + gap));
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
}
