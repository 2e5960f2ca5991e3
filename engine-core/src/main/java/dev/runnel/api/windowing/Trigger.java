package dev.runnel.api.windowing;

import dev.runnel.api.state.State;
import dev.runnel.api.state.StateDescriptor;

/**
 * Decides when a window fires. Called for every element, for timers it registered, and when
 * windows merge; {@link #clear} must remove its timers and state when the window is dropped.
 */
public abstract class Trigger<T, W extends Window> implements java.io.Serializable {

    public abstract TriggerResult onElement(T element, long timestamp, W window, TriggerContext ctx) throws Exception;

    public abstract TriggerResult onEventTime(long time, W window, TriggerContext ctx) throws Exception;

    public abstract TriggerResult onProcessingTime(long time, W window, TriggerContext ctx) throws Exception;

    /** True if this trigger supports merging windows (session windows). */
    public boolean canMerge() {
        return false;
    }

    public void onMerge(W window, TriggerContext ctx) throws Exception {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not support merging windows");
    }

    public void clear(W window, TriggerContext ctx) throws Exception {}

    /** The window operator's services, scoped to the current key and window. */
    public interface TriggerContext {
        long getCurrentProcessingTime();

        long getCurrentWatermark();

        void registerEventTimeTimer(long time);

        void registerProcessingTimeTimer(long time);

        void deleteEventTimeTimer(long time);

        void deleteProcessingTimeTimer(long time);

        /** State scoped to the current key and window (e.g. a count). Merged windows merge it via onMerge. */
        <S extends State> S getPartitionedState(StateDescriptor<?> descriptor);
    }
}
