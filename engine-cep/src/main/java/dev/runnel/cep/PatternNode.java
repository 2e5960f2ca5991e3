package dev.runnel.cep;

import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.plan.OneInputNode;
import dev.runnel.api.plan.PlanNode;
import dev.runnel.cep.functions.PatternProcessFunction;
import dev.runnel.cep.pattern.Pattern;

/**
 * The plan node of {@code CEP.pattern(input, pattern).process(...)}: the pattern as the user wrote
 * it and how its matches are handled. On a keyed input, matching is per key; otherwise one instance
 * matches across the whole stream.
 */
public final class PatternNode<IN, OUT> extends OneInputNode<IN, OUT> {
    private final Pattern<IN, ?> pattern;
    private final EventComparator<IN> comparator;
    private final OutputTag<IN> lateDataTag;
    private final boolean processingTime;
    private final PatternProcessFunction<IN, OUT> function;
    private final boolean copyPerSubtask;

    PatternNode(PlanNode<IN> input, String name, KeySelector<IN, ?> keySelector, Pattern<IN, ?> pattern,
            EventComparator<IN> comparator, OutputTag<IN> lateDataTag, boolean processingTime,
            PatternProcessFunction<IN, OUT> function, boolean copyPerSubtask) {
        super(input, name, keySelector, keySelector == null);
        this.pattern = pattern;
        this.comparator = comparator;
        this.lateDataTag = lateDataTag;
        this.processingTime = processingTime;
        this.function = function;
        this.copyPerSubtask = copyPerSubtask;
    }

    public Pattern<IN, ?> pattern() {
        return pattern;
    }

    /** Orders events with equal timestamps, {@code null} for arrival order. */
    public EventComparator<IN> comparator() {
        return comparator;
    }

    public OutputTag<IN> lateDataTag() {
        return lateDataTag;
    }

    public boolean processingTime() {
        return processingTime;
    }

    public PatternProcessFunction<IN, OUT> function() {
        return function;
    }

    /**
     * Whether each parallel subtask needs its own copy of {@link #function()}: true for a user's
     * {@code PatternProcessFunction}, which may keep state in fields; the select adapters are stateless.
     */
    public boolean copyPerSubtask() {
        return copyPerSubtask;
    }
}
