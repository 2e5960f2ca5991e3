package dev.runnel.cep.operator;

import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.plan.OneInputNode;
import dev.runnel.cep.PatternNode;
import dev.runnel.cep.nfa.CompiledPattern;
import dev.runnel.cep.nfa.NfaCompiler;
import dev.runnel.runtime.graph.FunctionCopies;
import dev.runnel.runtime.graph.LocalPlanningRule;
import dev.runnel.runtime.graph.OperatorFactory;

/** Runs a {@link PatternNode} locally: the pattern compiled to an NFA inside a {@link CepOperator}. */
public final class PatternPlanning implements LocalPlanningRule {
    /** Non-keyed input: every event has this key, one matcher for the whole stream. */
    private static final KeySelector<Object, Boolean> ALL = e -> Boolean.TRUE;

    @Override
    public boolean plans(OneInputNode<?, ?> node) {
        return node instanceof PatternNode<?, ?>;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <IN, OUT> OperatorFactory<IN, OUT> factory(OneInputNode<IN, OUT> node) {
        PatternNode<IN, OUT> p = (PatternNode<IN, OUT>) node;
        CompiledPattern nfa = NfaCompiler.compile(p.pattern());
        KeySelector key = p.keySelector() == null ? ALL : p.keySelector();
        return subtask -> new CepOperator<>(key, nfa, p.processingTime(), p.comparator(), p.lateDataTag(),
            p.copyPerSubtask() ? FunctionCopies.copyAlways(subtask, p.function()) : p.function());
    }
}
