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
}
