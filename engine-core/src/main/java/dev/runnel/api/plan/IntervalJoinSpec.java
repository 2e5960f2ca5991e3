package dev.runnel.api.plan;

import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.ProcessJoinFunction;
import java.util.Objects;

/**
 * What an interval join asked for: the function of a {@link TwoInputNode} of kind
 * {@link TwoInputNode.Kind#INTERVAL_JOIN}. Bounds are in milliseconds relative to the left element
 * and already moved inwards by one where the user made them exclusive, so {@code [lower, upper]}
 * is always inclusive (an empty range, {@code lower > upper}, joins nothing).
 */
public record IntervalJoinSpec<IN1, IN2, OUT>(ProcessJoinFunction<IN1, IN2, OUT> function, long lowerBound, long upperBound,
        OutputTag<IN1> leftLateDataTag, OutputTag<IN2> rightLateDataTag) {
    public IntervalJoinSpec {
        Objects.requireNonNull(function, "function");
    }

    /** The same join with another instance of the user's function (one per parallel subtask). */
    public IntervalJoinSpec<IN1, IN2, OUT> withFunction(ProcessJoinFunction<IN1, IN2, OUT> copy) {
        return new IntervalJoinSpec<>(copy, lowerBound, upperBound, leftLateDataTag, rightLateDataTag);
    }
}
