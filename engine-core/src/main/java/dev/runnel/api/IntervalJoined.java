package dev.runnel.api;

import dev.runnel.api.functions.ProcessJoinFunction;
import dev.runnel.api.plan.IntervalJoinSpec;
import dev.runnel.api.plan.TwoInputNode;
import dev.runnel.api.plan.TwoInputNode.Kind;
import java.util.List;
import java.util.Objects;

/**
 * An interval join with its interval; {@link #process} gives the function that turns each pair into
 * output. Flink's {@code KeyedStream.IntervalJoined}.
 *
 * <p>Event time only. Each element is buffered in its key's state until the watermark shows that no
 * element of the other input can still join it; an element behind the watermark (timestamp below
 * it) is late: it joins nothing and goes to the late-data side output of its input if one is set.
 * Results carry the larger timestamp of the pair. See docs/semantics.md.
 */
public final class IntervalJoined<IN1, IN2, KEY> {
    private final KeyedStream<IN1, KEY> left;
    private final KeyedStream<IN2, KEY> right;
    private final long lowerBound;
    private final long upperBound;
    private boolean lowerBoundInclusive = true;
    private boolean upperBoundInclusive = true;
    private OutputTag<IN1> leftLateDataTag;
    private OutputTag<IN2> rightLateDataTag;

    IntervalJoined(KeyedStream<IN1, KEY> left, KeyedStream<IN2, KEY> right, long lowerBound, long upperBound) {
        this.left = left;
        this.right = right;
        this.lowerBound = lowerBound;
        this.upperBound = upperBound;
    }

    /** Right elements exactly at {@code left + upperBound} do not join. */
    public IntervalJoined<IN1, IN2, KEY> upperBoundExclusive() {
        upperBoundInclusive = false;
        return this;
    }

    /** Right elements exactly at {@code left + lowerBound} do not join. */
    public IntervalJoined<IN1, IN2, KEY> lowerBoundExclusive() {
        lowerBoundInclusive = false;
        return this;
    }

    /** Late left elements go to {@code tag} instead of being dropped. */
    public IntervalJoined<IN1, IN2, KEY> sideOutputLeftLateData(OutputTag<IN1> tag) {
        leftLateDataTag = Objects.requireNonNull(tag, "tag");
        return this;
    }

    /** Late right elements go to {@code tag} instead of being dropped. */
    public IntervalJoined<IN1, IN2, KEY> sideOutputRightLateData(OutputTag<IN2> tag) {
        rightLateDataTag = Objects.requireNonNull(tag, "tag");
        return this;
    }

    public <OUT> DataStream<OUT> process(ProcessJoinFunction<IN1, IN2, OUT> function) {
        Objects.requireNonNull(function, "function");
        // as Flink's operator: exclusive bounds move inwards by one millisecond, so the runtime only tests inclusive ones
        long lower = lowerBoundInclusive ? lowerBound : lowerBound + 1;
        long upper = upperBoundInclusive ? upperBound : upperBound - 1;
        IntervalJoinSpec<IN1, IN2, OUT> spec = new IntervalJoinSpec<>(function, lower, upper, leftLateDataTag, rightLateDataTag);
        TwoInputNode<IN1, IN2, OUT> node = new TwoInputNode<>(left.node(), right.node(), "Interval Join", Kind.INTERVAL_JOIN, spec,
            IntervalJoin.keyOf(left), IntervalJoin.keyOf(right), List.of());
        return new DataStream<>(left.environment(), node);
    }
}
