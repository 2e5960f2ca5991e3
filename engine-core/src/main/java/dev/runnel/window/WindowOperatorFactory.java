package dev.runnel.window;

import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.windowing.EventTimeSessionWindows;
import dev.runnel.api.windowing.EventTimeTrigger;
import dev.runnel.api.windowing.ProcessingTimeTrigger;
import dev.runnel.api.windowing.SliceableAssigner;
import dev.runnel.api.windowing.TimeWindow;
import dev.runnel.api.windowing.Trigger;
import dev.runnel.api.windowing.Window;
import dev.runnel.api.windowing.WindowAssigner;
import dev.runnel.runtime.KeyedOperator;
import java.util.function.IntFunction;

/**
 * Picks the window operator for a windowed stream: tumbling and sliding windows with their default
 * trigger (with or without allowed lateness) run on shared slices ({@link SliceWindowOperator});
 * event-time sessions with the default trigger and no allowed lateness on sorted per-key session
 * arrays ({@link SessionWindowOperator}); everything else (sessions with lateness, global windows,
 * custom triggers, and any window with an evictor, {@link EvictingAggregation}) on the general
 * {@link WindowOperator}.
 */
public final class WindowOperatorFactory<IN, C, OUT, K, W extends Window> {
    private final KeySelector<IN, K> keySelector;
    private final WindowAssigner<? super IN, W> assigner;
    private final Trigger<? super IN, ? super W> trigger;
    private final long allowedLateness;
    private final OutputTag<IN> lateTag;
    private final IntFunction<WindowAggregation<IN, C, OUT, K, W>> aggregation;

    public WindowOperatorFactory(KeySelector<IN, K> keySelector, WindowAssigner<? super IN, W> assigner,
                                 Trigger<? super IN, ? super W> trigger, long allowedLateness, OutputTag<IN> lateTag,
                                 IntFunction<WindowAggregation<IN, C, OUT, K, W>> aggregation) {
        this.keySelector = keySelector;
        this.assigner = assigner;
        this.trigger = trigger;
        this.allowedLateness = allowedLateness;
        this.lateTag = lateTag;
        this.aggregation = aggregation;
    }

    public boolean sliced() {
        boolean defaultTrigger = assigner.isEventTime() ? trigger == EventTimeTrigger.create() : trigger == ProcessingTimeTrigger.create();
        return assigner instanceof SliceableAssigner && defaultTrigger;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public KeyedOperator<K, IN, OUT> create(int subtask) {
        WindowAggregation<IN, C, OUT, K, W> agg = aggregation.apply(subtask);
        if (agg instanceof EvictingAggregation) {
            return new WindowOperator<>(keySelector, assigner, trigger, agg, allowedLateness, lateTag);
        }
        if (sliced()) {
            return new SliceWindowOperator<>(keySelector, (SliceableAssigner) assigner, assigner.isEventTime(),
                (WindowAggregation) agg, allowedLateness, lateTag);
        }
        if (assigner instanceof EventTimeSessionWindows sessions && trigger == EventTimeTrigger.create() && allowedLateness == 0) {
            return new SessionWindowOperator<>(keySelector, sessions.gap(), (WindowAggregation) agg, lateTag);
        }
        return new WindowOperator<>(keySelector, assigner, trigger, agg, allowedLateness, lateTag);
    }
}
