package dev.runnel.window;

import dev.runnel.api.functions.AggregateFunction;
import dev.runnel.api.functions.AllWindowFunction;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.functions.ProcessAllWindowFunction;
import dev.runnel.api.functions.ProcessWindowFunction;
import dev.runnel.api.functions.ReduceFunction;
import dev.runnel.api.functions.WindowFunction;
import dev.runnel.api.plan.WindowNode;
import dev.runnel.api.windowing.Window;
import dev.runnel.runtime.graph.FunctionCopies;
import dev.runnel.runtime.graph.OperatorFactory;
import java.util.function.IntFunction;

/**
 * Plans a {@link WindowNode} for the local runtime: the window aggregation its functions call for
 * (incremental with an optional window function, or all elements; wrapped in an
 * {@link EvictingAggregation} when the node has an evictor), inside the operator
 * {@link WindowOperatorFactory} picks for the assigner and trigger.
 */
public final class WindowOperators {
    /** {@code windowAll}: every element has this key, one window set for the whole stream. */
    private static final KeySelector<Object, Byte> ALL = v -> (byte) 0;

    private WindowOperators() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <IN, OUT, W extends Window> OperatorFactory<IN, OUT> factory(WindowNode<IN, OUT, W> node) {
        KeySelector key = node.allWindows() ? ALL : node.keySelector();
        IntFunction<WindowAggregation<IN, Object, OUT, Object, W>> aggregation = subtask -> aggregation(node, subtask);
        WindowOperatorFactory factory = new WindowOperatorFactory(key, node.assigner(), node.trigger(), node.allowedLateness(),
            node.lateDataTag(), aggregation);
        return subtask -> factory.create(subtask);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <IN, OUT, W extends Window> WindowAggregation aggregation(WindowNode<IN, OUT, W> node, int subtask) {
        WindowAggregation functions = functions(node, subtask);
        return node.evictor() == null ? functions : new EvictingAggregation(node.evictor(), functions);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <IN, OUT, W extends Window> WindowAggregation functions(WindowNode<IN, OUT, W> node, int subtask) {
        Object incremental = FunctionCopies.copyFor(subtask, node.incremental());
        WindowProcessor then = node.windowFunction() == null ? null : processor(FunctionCopies.copyFor(subtask, node.windowFunction()));
        if (incremental == null) {
            return new ElementListAggregation(then);
        }
        AggregateFunction agg = incremental instanceof ReduceFunction reducer ? new ReduceAggregate(reducer) : (AggregateFunction) incremental;
        return new IncrementalAggregation(agg, then);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static WindowProcessor processor(Object function) {
        if (function instanceof ProcessWindowFunction f) {
            return WindowProcessor.of(f);
        }
        if (function instanceof WindowFunction f) {
            return WindowProcessor.of(f);
        }
        if (function instanceof ProcessAllWindowFunction f) {
            return WindowProcessor.of(f);
        }
        if (function instanceof AllWindowFunction f) {
            return WindowProcessor.of(f);
        }
        throw new IllegalArgumentException("Not a window function: " + function.getClass().getName());
    }
}
