package dev.runnel.api.windowing;

import dev.runnel.api.state.ReducingState;
import dev.runnel.api.state.ReducingStateDescriptor;
import java.time.Duration;

/**
 * Fires every {@code interval} of event time while the window is open (early results), and once
 * more at the window's end. As in Flink, the first early firing is at the first multiple of the
 * interval after the window's first element (when the watermark reaches it), the following ones
 * every interval after that, capped at the window's {@code maxTimestamp} so the last one coincides
 * with the on-time firing instead of doubling it.
 */
public final class ContinuousEventTimeTrigger<W extends Window> extends Trigger<Object, W> {
    private final long interval;
    private final ReducingStateDescriptor<Long> nextFire =
        new ReducingStateDescriptor<>("next-fire", Math::min, Long.class);

    private ContinuousEventTimeTrigger(long interval) {
        if (interval <= 0) {
            throw new IllegalArgumentException("ContinuousEventTimeTrigger interval must be positive, got " + interval + " ms");
        }
        this.interval = interval;
    }

    public static <W extends Window> ContinuousEventTimeTrigger<W> of(Duration interval) {
        return new ContinuousEventTimeTrigger<>(interval.toMillis());
    }

    /** @deprecated Flink's {@code Time} form (see {@link dev.runnel.api.windowing.time.Time}); use the {@code Duration} form. */
    @Deprecated
    public static <W extends Window> ContinuousEventTimeTrigger<W> of(dev.runnel.api.windowing.time.Time interval) {
        return of(interval.toDuration());
    }

    @Override
    public TriggerResult onElement(Object element, long timestamp, W window, TriggerContext ctx) {
        if (window.maxTimestamp() <= ctx.getCurrentWatermark()) {
            return TriggerResult.FIRE;
        }
        ctx.registerEventTimeTimer(window.maxTimestamp());
        ReducingState<Long> next = ctx.getPartitionedState(nextFire);
        if (next.get() == null) {
            long start = timestamp - Math.floorMod(timestamp, interval); // floorMod: negative timestamps too
            registerNext(start + interval, window, ctx, next);
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        if (time == window.maxTimestamp()) {
            return TriggerResult.FIRE;
        }
        ReducingState<Long> next = ctx.getPartitionedState(nextFire);
        Long fireAt = next.get();
        if (fireAt != null && fireAt == time) {
            next.clear();
            registerNext(time + interval, window, ctx, next);
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    private static void registerNext(long time, Window window, TriggerContext ctx, ReducingState<Long> next) {
        long fireAt = Math.min(time, window.maxTimestamp());
        next.add(fireAt);
        ctx.registerEventTimeTimer(fireAt);
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public boolean canMerge() {
        return true;
    }

    @Override
    public void onMerge(W window, TriggerContext ctx) {
        if (window.maxTimestamp() > ctx.getCurrentWatermark()) {
            ctx.registerEventTimeTimer(window.maxTimestamp());
        }
        Long fireAt = ctx.<ReducingState<Long>>getPartitionedState(nextFire).get();
        if (fireAt != null) {
            ctx.registerEventTimeTimer(fireAt);
        }
    }

    @Override
    public void clear(W window, TriggerContext ctx) {
        ReducingState<Long> next = ctx.getPartitionedState(nextFire);
        Long fireAt = next.get();
        if (fireAt != null) {
            ctx.deleteEventTimeTimer(fireAt);
            next.clear();
        }
        ctx.deleteEventTimeTimer(window.maxTimestamp());
    }

    @Override
    public String toString() {
        return "ContinuousEventTimeTrigger(" + interval + ")";
    }
}
