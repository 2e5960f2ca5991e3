package dev.runnel.api.windowing;

import dev.runnel.api.functions.DeltaFunction;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import java.util.Objects;

/**
 * Fires when the delta between the element that last fired the window (at first: the window's first
 * element) and a new element exceeds {@code threshold} (Flink's {@code DeltaTrigger}); the new element
 * becomes the reference. Flink's {@code of} also takes a {@code TypeSerializer} for the stored element;
 * Runnel keeps it on the heap and accepts any third argument for source compatibility (see
 * docs/windows.md).
 */
public final class DeltaTrigger<T, W extends Window> extends Trigger<T, W> {
    private static final long serialVersionUID = 1L;
    private final double threshold;
    private final DeltaFunction<T> deltaFunction;
    @SuppressWarnings({"unchecked", "rawtypes"})
    private final ValueStateDescriptor<T> lastElement = new ValueStateDescriptor<>("last-element", (Class) Object.class);

    private DeltaTrigger(double threshold, DeltaFunction<T> deltaFunction) {
        this.threshold = threshold;
        this.deltaFunction = Objects.requireNonNull(deltaFunction, "deltaFunction");
    }

    public static <T, W extends Window> DeltaTrigger<T, W> of(double threshold, DeltaFunction<T> deltaFunction) {
        return new DeltaTrigger<>(threshold, deltaFunction);
    }

    /**
     * Flink's signature: the third argument (Flink's {@code TypeSerializer} for the stored element) is
     * accepted and not used, since Runnel keeps the element on the heap and checkpoints it with the
     * window's other state.
     */
    public static <T, W extends Window> DeltaTrigger<T, W> of(double threshold, DeltaFunction<T> deltaFunction, Object stateSerializer) {
        return new DeltaTrigger<>(threshold, deltaFunction);
    }

    @Override
    public TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) {
        ValueState<T> last = ctx.getPartitionedState(lastElement);
        T previous = last.value();
        if (previous == null) {
            last.update(element);
            return TriggerResult.CONTINUE;
        }
        if (deltaFunction.getDelta(previous, element) > threshold) {
            last.update(element);
            return TriggerResult.FIRE;
        }
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onEventTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) {
        return TriggerResult.CONTINUE;
    }

    @Override
    public void clear(W window, TriggerContext ctx) {
        ctx.getPartitionedState(lastElement).clear();
    }

    @Override
    public String toString() {
        return "DeltaTrigger(" + threshold + ")";
    }
}
