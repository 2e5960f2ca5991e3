package dev.runnel.api.plan;

import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.windowing.Evictor;
import dev.runnel.api.windowing.Trigger;
import dev.runnel.api.windowing.Window;
import dev.runnel.api.windowing.WindowAssigner;

/**
 * Windows over a keyed stream, or over the whole stream ({@code windowAll}: no key, one instance):
 * the assigner, trigger, optional evictor, allowed lateness and late-data tag, an optional
 * incremental function and an optional window function, as the user declared them.
 *
 * @param <W> the window type
 */
public final class WindowNode<IN, OUT, W extends Window> extends OneInputNode<IN, OUT> {
    private final WindowAssigner<? super IN, W> assigner;
    private final Trigger<? super IN, ? super W> trigger;
    private final Evictor<? super IN, ? super W> evictor;
    private final long allowedLateness;
    private final OutputTag<IN> lateDataTag;
    private final Object incremental;
    private final Object windowFunction;

    /**
     * @param incremental    a {@code ReduceFunction} or {@code AggregateFunction}, or {@code null} when the
     *                       window function sees all elements
     * @param windowFunction a {@code ProcessWindowFunction} or {@code WindowFunction} (keyed), a
     *                       {@code ProcessAllWindowFunction} or {@code AllWindowFunction} (all), or
     *                       {@code null} after an incremental function alone
     */
    public WindowNode(PlanNode<IN> input, String name, KeySelector<IN, ?> keySelector, WindowAssigner<? super IN, W> assigner,
            Trigger<? super IN, ? super W> trigger, long allowedLateness, OutputTag<IN> lateDataTag,
            Object incremental, Object windowFunction) {
        this(input, name, keySelector, assigner, trigger, null, allowedLateness, lateDataTag, incremental, windowFunction);
    }

    /** @param evictor removes elements when the window fires, {@code null} for none */
    public WindowNode(PlanNode<IN> input, String name, KeySelector<IN, ?> keySelector, WindowAssigner<? super IN, W> assigner,
            Trigger<? super IN, ? super W> trigger, Evictor<? super IN, ? super W> evictor, long allowedLateness,
            OutputTag<IN> lateDataTag, Object incremental, Object windowFunction) {
        super(input, name, keySelector, keySelector == null);
        if (incremental == null && windowFunction == null) {
            throw new IllegalArgumentException("A window needs an incremental function, a window function or both");
        }
        this.assigner = assigner;
        this.trigger = trigger;
        this.evictor = evictor;
        this.allowedLateness = allowedLateness;
        this.lateDataTag = lateDataTag;
        this.incremental = incremental;
        this.windowFunction = windowFunction;
    }

    /** Whether this is {@code windowAll}: one window set for the whole stream. */
    public boolean allWindows() {
        return keySelector() == null;
    }

    public WindowAssigner<? super IN, W> assigner() {
        return assigner;
    }

    public Trigger<? super IN, ? super W> trigger() {
        return trigger;
    }

    /**
     * Removes elements when the window fires ({@code null}: none). With an evictor the window keeps
     * all elements and applies even an incremental function to the remaining ones at each firing.
     */
    public Evictor<? super IN, ? super W> evictor() {
        return evictor;
    }

    public long allowedLateness() {
        return allowedLateness;
    }

    /** Where elements too late for all their windows go, {@code null} to drop (and count) them. */
    public OutputTag<IN> lateDataTag() {
        return lateDataTag;
    }

    public Object incremental() {
        return incremental;
    }

    public Object windowFunction() {
        return windowFunction;
    }
}
