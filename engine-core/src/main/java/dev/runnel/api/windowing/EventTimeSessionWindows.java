package dev.runnel.api.windowing;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** Sessions of event time: an element opens {@code [ts, ts + gap)}; windows that meet merge. */
public final class EventTimeSessionWindows extends MergingWindowAssigner<Object, TimeWindow> {
    private final long gap;

    private EventTimeSessionWindows(long gap) {
        if (gap <= 0) {
            throw new IllegalArgumentException("Session gap must be positive, got " + gap + " ms");
        }
        this.gap = gap;
    }

    public static EventTimeSessionWindows withGap(Duration gap) {
        return new EventTimeSessionWindows(millis(gap, "gap"));
    }

    /** @deprecated Flink's {@code Time} form (see {@link dev.runnel.api.windowing.time.Time}); use the {@code Duration} form. */
    @Deprecated
    public static EventTimeSessionWindows withGap(dev.runnel.api.windowing.time.Time gap) {
        return withGap(gap.toDuration());
    }

    public long gap() {
        return gap;
    }

    @Override
    public Collection<TimeWindow> assignWindows(Object element, long timestamp, long currentProcessingTime) {
        if (timestamp == Long.MIN_VALUE) {
            throw new IllegalStateException("Record has no timestamp: event-time session windows need a WatermarkStrategy "
                + "with a timestamp assigner (or a source that gives timestamps)");
        }
        return List.of(new TimeWindow(timestamp, timestamp + gap));
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
}
