package dev.runnel.state;

import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.state.StateDescriptor;
import dev.runnel.runtime.OperatorContext;

/**
 * The runtime context of a function. With a backend (keyed streams) it hands out keyed state;
 * without one, asking for state fails with a message that says to call {@code keyBy}.
 */
public final class KeyedRuntimeContext extends ScopedStateStore implements RuntimeContext {
    private final OperatorContext operator;
    private final KeyedStateBackend backend;

    public KeyedRuntimeContext(OperatorContext operator, KeyedStateBackend backend) {
        super(backend, backend);
        this.operator = operator;
        this.backend = backend;
    }

    @Override
    public String operatorName() {
        return operator.name();
    }

    @Override
    public int indexOfThisSubtask() {
        return operator.subtask();
    }

    @Override
    public int numberOfParallelSubtasks() {
        return operator.parallelism();
    }

    @Override
    public dev.runnel.api.metrics.OperatorMetricGroup getMetricGroup() {
        return operator.metrics().metricGroup();
    }

    @Override
    protected void check(StateDescriptor<?> descriptor) {
        if (backend == null) {
            throw new IllegalStateException("Keyed state '" + descriptor.getName() + "' requested in operator '" + operator.name()
                + "', which does not run on a keyed stream. Call keyBy(...) before this operator to use keyed state.");
        }
    }
}
