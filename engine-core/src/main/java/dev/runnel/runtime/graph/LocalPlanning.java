package dev.runnel.runtime.graph;

import dev.runnel.api.functions.FilterFunction;
import dev.runnel.api.functions.FlatMapFunction;
import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.functions.MapFunction;
import dev.runnel.api.functions.ProcessFunction;
import dev.runnel.api.functions.ReduceFunction;
import dev.runnel.api.functions.RichFunction;
import dev.runnel.api.functions.Sink;
import dev.runnel.api.plan.FunctionNode;
import dev.runnel.api.functions.BroadcastProcessFunction;
import dev.runnel.api.functions.CoProcessFunction;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.functions.KeyedBroadcastProcessFunction;
import dev.runnel.api.functions.KeyedCoProcessFunction;
import dev.runnel.api.plan.IntervalJoinSpec;
import dev.runnel.api.plan.OneInputNode;
import dev.runnel.api.plan.TwoInputNode;
import dev.runnel.runtime.Operator;
import dev.runnel.runtime.operators.BroadcastProcessOperator;
import dev.runnel.runtime.operators.CoFunctionAdapters;
import dev.runnel.runtime.operators.CoProcessOperator;
import dev.runnel.runtime.operators.IntervalJoinOperator;
import dev.runnel.runtime.operators.KeyedBroadcastProcessOperator;
import dev.runnel.runtime.operators.KeyedCoProcessOperator;
import dev.runnel.api.plan.WindowNode;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.runtime.operators.FilterOperator;
import dev.runnel.runtime.operators.FlatMapOperator;
import dev.runnel.runtime.operators.KeyedFilterOperator;
import dev.runnel.runtime.operators.KeyedFlatMapOperator;
import dev.runnel.runtime.operators.KeyedMapOperator;
import dev.runnel.runtime.operators.KeyedProcessOperator;
import dev.runnel.runtime.operators.KeyedReduceOperator;
import dev.runnel.runtime.operators.MapOperator;
import dev.runnel.runtime.operators.ProcessOperator;
import dev.runnel.runtime.operators.SinkOperator;
import dev.runnel.runtime.operators.TimestampsAndWatermarksOperator;
import dev.runnel.window.WindowOperators;
import dev.runnel.api.plan.AsyncNode;
import dev.runnel.runtime.operators.AsyncWaitOperator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The local back end's planning of one-input steps: which Runnel operator runs each plan node.
 * Stateful functions get a copy per parallel subtask ({@link FunctionCopies}); nodes from
 * extension modules are planned by their {@link LocalPlanningRule}.
 */
public final class LocalPlanning {
    private static final List<LocalPlanningRule> RULES = ServiceLoader.load(LocalPlanningRule.class).stream()
        .map(ServiceLoader.Provider::get).toList();

    private LocalPlanning() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static <IN, OUT> OperatorFactory<IN, OUT> factory(OneInputNode<IN, OUT> node, long watermarkIntervalMillis) {
        if (node instanceof FunctionNode<IN, OUT> f) {
            return (OperatorFactory<IN, OUT>) functionFactory((FunctionNode) f, watermarkIntervalMillis);
        }
        if (node instanceof OperatorNode<IN, OUT> o) {
            return o.factory();
        }
        if (node instanceof WindowNode<IN, OUT, ?> w) {
            return WindowOperators.factory(w);
        }
        if (node instanceof AsyncNode<IN, OUT> a) {
            return subtask -> new AsyncWaitOperator<>(FunctionCopies.copyFor(subtask, a.function()), a.ordered(), a.timeoutMillis(),
                a.capacity());
        }
        for (LocalPlanningRule rule : RULES) {
            if (rule.plans(node)) {
                return rule.factory(node);
            }
        }
        throw new IllegalStateException("The local runtime cannot run step '" + node.name() + "' ("
            + node.getClass().getName() + "): no LocalPlanningRule plans it; is the module that defines it on the class path?");
    }

    /** The operators of a two-input step, one per parallel subtask. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static java.util.function.IntFunction<Operator<?, ?>> factory(TwoInputNode<?, ?, ?> node) {
        Object fn = node.function();
        KeySelector k1 = node.keySelector(0);
        KeySelector k2 = node.keySelector(1);
        List descriptors = node.broadcastDescriptors();
        return switch (node.kind()) {
            case CO_MAP -> i -> new CoProcessOperator<>(CoFunctionAdapters.of(FunctionCopies.copyFor(i, fn), false));
            case CO_FLAT_MAP -> i -> new CoProcessOperator<>(CoFunctionAdapters.of(FunctionCopies.copyFor(i, fn), true));
            case CO_PROCESS -> i -> new CoProcessOperator<>(FunctionCopies.copyFor(i, (CoProcessFunction) fn));
            case KEYED_CO_PROCESS -> i -> new KeyedCoProcessOperator<>(k1, k2, FunctionCopies.copyFor(i, (KeyedCoProcessFunction) fn));
            case BROADCAST_PROCESS -> i -> new BroadcastProcessOperator<>(FunctionCopies.copyFor(i, (BroadcastProcessFunction) fn),
                descriptors);
            case KEYED_BROADCAST_PROCESS -> i -> new KeyedBroadcastProcessOperator<>(k1,
                FunctionCopies.copyFor(i, (KeyedBroadcastProcessFunction) fn), descriptors);
            case INTERVAL_JOIN -> i -> new IntervalJoinOperator<>(k1, k2,
                ((IntervalJoinSpec) fn).withFunction(FunctionCopies.copyFor(i, ((IntervalJoinSpec) fn).function())));
            case EXTENSION -> extensionFactory(node);
        };
    }

    private static java.util.function.IntFunction<Operator<?, ?>> extensionFactory(TwoInputNode<?, ?, ?> node) {
        for (LocalPlanningRule rule : RULES) {
            if (rule.plans(node)) {
                return rule.factory(node);
            }
        }
        throw new IllegalStateException("The local runtime cannot run two-input step '" + node.name() + "' ("
            + node.function().getClass().getName() + "): no LocalPlanningRule plans it; is the module that defines it on the class path?");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static OperatorFactory<Object, Object> functionFactory(FunctionNode<Object, Object> node, long watermarkIntervalMillis) {
        Object fn = node.function();
        if (node.keySelector() != null && fn instanceof RichFunction) {
            // after keyBy, a rich function may use keyed state: a keyed operator sets the key per record. A plain
            // function (a lambda) cannot reach state, so it keeps the plain operator; the input is partitioned by key either way
            switch (node.kind()) {
                case MAP -> {
                    return i -> new KeyedMapOperator(node.keySelector(), FunctionCopies.copyFor(i, (MapFunction) fn));
                }
                case FILTER -> {
                    return i -> new KeyedFilterOperator(node.keySelector(), FunctionCopies.copyFor(i, (FilterFunction) fn));
                }
                case FLAT_MAP -> {
                    return i -> new KeyedFlatMapOperator(node.keySelector(), FunctionCopies.copyFor(i, (FlatMapFunction) fn));
                }
                default -> { }
            }
        }
        return switch (node.kind()) {
            case MAP -> i -> new MapOperator<>(FunctionCopies.copyFor(i, (MapFunction<Object, Object>) fn));
            case FILTER -> i -> (dev.runnel.runtime.Operator) new FilterOperator<>(FunctionCopies.copyFor(i, (FilterFunction<Object>) fn));
            case FLAT_MAP -> i -> new FlatMapOperator<>(FunctionCopies.copyFor(i, (FlatMapFunction<Object, Object>) fn));
            case PROCESS -> i -> new ProcessOperator<>(FunctionCopies.copyFor(i, (ProcessFunction<Object, Object>) fn));
            case KEYED_PROCESS -> i -> new KeyedProcessOperator(node.keySelector(),
                FunctionCopies.copyFor(i, (KeyedProcessFunction) fn));
            case KEYED_REDUCE -> i -> (dev.runnel.runtime.Operator) new KeyedReduceOperator(node.keySelector(),
                FunctionCopies.copyFor(i, (ReduceFunction) fn));
            case TIMESTAMPS_AND_WATERMARKS -> i -> (dev.runnel.runtime.Operator) new TimestampsAndWatermarksOperator<>(
                (WatermarkStrategy<Object>) fn, watermarkIntervalMillis);
            case SINK -> i -> (dev.runnel.runtime.Operator) new SinkOperator<>((Sink<Object>) fn);
        };
    }
}
