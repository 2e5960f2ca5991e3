package dev.runnel.cep.dynamic;

import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.plan.OneInputNode;
import dev.runnel.api.plan.TwoInputNode;
import dev.runnel.runtime.Operator;
import dev.runnel.runtime.graph.LocalPlanningRule;
import dev.runnel.runtime.graph.OperatorFactory;
import java.util.function.IntFunction;

/** Runs the plan node of {@code CEP.dynamicPatterns} locally: one {@link DynamicCepOperator} per subtask. */
public final class DynamicPatternPlanning implements LocalPlanningRule {
    @Override
    public boolean plans(OneInputNode<?, ?> node) {
        return false;
    }

    @Override
    public <IN, OUT> OperatorFactory<IN, OUT> factory(OneInputNode<IN, OUT> node) {
        throw new UnsupportedOperationException("dynamic patterns are a two-input step");
    }

    @Override
    public boolean plans(TwoInputNode<?, ?, ?> node) {
        return node.kind() == TwoInputNode.Kind.EXTENSION && node.function() instanceof DynamicPatternSpec<?>;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public IntFunction<Operator<?, ?>> factory(TwoInputNode<?, ?, ?> node) {
        DynamicPatternSpec spec = (DynamicPatternSpec) node.function();
        KeySelector key = node.keySelector(0);
        return subtask -> new DynamicCepOperator<>(key, spec);
    }
}
