package dev.runnel.api.plan;

import dev.runnel.api.functions.KeySelector;
import java.util.Objects;

/**
 * A one-input step that applies one user function; {@link #kind()} says how (map, filter, ...).
 * One class for the simple steps keeps each back end's planning a single switch.
 */
public final class FunctionNode<IN, OUT> extends OneInputNode<IN, OUT> {
    /** What the function is: the user's interface is the one named here. */
    public enum Kind {
        /** {@code MapFunction}. */
        MAP,
        /** {@code FilterFunction}. */
        FILTER,
        /** {@code FlatMapFunction}. */
        FLAT_MAP,
        /** {@code ProcessFunction}. */
        PROCESS,
        /** {@code KeyedProcessFunction}, keyed. */
        KEYED_PROCESS,
        /** {@code ReduceFunction} as a rolling reduce, keyed. */
        KEYED_REDUCE,
        /** {@code WatermarkStrategy}: re-stamps records and generates watermarks mid-stream. */
        TIMESTAMPS_AND_WATERMARKS,
        /** {@code Sink}. */
        SINK
    }

    private final Kind kind;
    private final Object function;

    public FunctionNode(PlanNode<IN> input, String name, Kind kind, Object function, KeySelector<IN, ?> keySelector) {
        super(input, name, keySelector, false);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.function = Objects.requireNonNull(function, "function");
    }

    public Kind kind() {
        return kind;
    }

    /** The user's function, of the interface {@link #kind()} names. */
    public Object function() {
        return function;
    }
}
