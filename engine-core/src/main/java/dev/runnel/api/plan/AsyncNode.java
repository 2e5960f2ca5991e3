package dev.runnel.api.plan;

import dev.runnel.api.functions.AsyncFunction;
import java.util.Objects;

/**
 * {@code AsyncDataStream.orderedWait} / {@code unorderedWait}: an {@link AsyncFunction} with at most
 * {@code capacity} requests in flight, each timed out after {@code timeoutMillis} (0: never), its
 * results in input order or in completion order between watermarks.
 */
public final class AsyncNode<IN, OUT> extends OneInputNode<IN, OUT> {
    private final AsyncFunction<IN, OUT> function;
    private final boolean ordered;
    private final long timeoutMillis;
    private final int capacity;

    public AsyncNode(PlanNode<IN> input, String name, AsyncFunction<IN, OUT> function, boolean ordered, long timeoutMillis,
                     int capacity) {
        super(input, name, null, false);
        this.function = Objects.requireNonNull(function, "function");
        this.ordered = ordered;
        this.timeoutMillis = timeoutMillis;
        this.capacity = capacity;
    }

    public AsyncFunction<IN, OUT> function() {
        return function;
    }

    public boolean ordered() {
        return ordered;
    }

    public long timeoutMillis() {
        return timeoutMillis;
    }

    public int capacity() {
        return capacity;
    }
}
