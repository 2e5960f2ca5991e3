package dev.runnel.runtime.graph;

import dev.runnel.api.plan.OneInputNode;

/**
 * How the local runtime runs a kind of plan node that an extension module (CEP, connectors) adds.
 * Implementations are found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/dev.runnel.runtime.graph.LocalPlanningRule}.
 */
public interface LocalPlanningRule {
    /** Whether this rule plans {@code node}. */
    boolean plans(OneInputNode<?, ?> node);

    /** The factory of the operators that run {@code node}, one per parallel subtask. */
    <IN, OUT> OperatorFactory<IN, OUT> factory(OneInputNode<IN, OUT> node);

    /** Whether this rule plans the two-input {@code node} (of kind {@code EXTENSION}); most rules plan none. */
    default boolean plans(dev.runnel.api.plan.TwoInputNode<?, ?, ?> node) {
        return false;
    }

    /** The operators (two-input operators) that run {@code node}, one per parallel subtask. */
    default java.util.function.IntFunction<dev.runnel.runtime.Operator<?, ?>> factory(dev.runnel.api.plan.TwoInputNode<?, ?, ?> node) {
        throw new UnsupportedOperationException(getClass().getName() + " plans no two-input step");
    }
}
