package dev.runnel.runtime.graph;

import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.plan.OneInputNode;
import dev.runnel.api.plan.PlanNode;

/**
 * A step given directly as Runnel operators, for tests and benchmarks that exercise one operator
 * through a whole job. It exists only for the local runtime: other back ends refuse it.
 */
public final class OperatorNode<IN, OUT> extends OneInputNode<IN, OUT> {
    private final OperatorFactory<IN, OUT> factory;

    public OperatorNode(PlanNode<IN> input, String name, KeySelector<IN, ?> keySelector, OperatorFactory<IN, OUT> factory) {
        super(input, name, keySelector, false);
        this.factory = factory;
    }

    public OperatorFactory<IN, OUT> factory() {
        return factory;
    }
}
