package dev.runnel.state;

import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.state.AggregatingState;
import dev.runnel.api.state.AggregatingStateDescriptor;
import dev.runnel.api.state.ListState;
import dev.runnel.api.state.ListStateDescriptor;
import dev.runnel.api.state.MapState;
import dev.runnel.api.state.MapStateDescriptor;
import dev.runnel.api.state.ReducingState;
import dev.runnel.api.state.ReducingStateDescriptor;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import dev.runnel.runtime.OperatorContext;

/**
 * The runtime context of a function. With a backend (keyed streams) it hands out keyed state;
 * without one, asking for state fails with a message that says to call {@code keyBy}.
 */
public final class KeyedRuntimeContext implements RuntimeContext {
    private final OperatorContext operator;
    private final KeyedStateBackend backend;

    public KeyedRuntimeContext(OperatorContext operator, KeyedStateBackend backend) {
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

    private KeyedStateBackend backend(String stateName) {
        if (backend == null) {
            throw new IllegalStateException("Keyed state '" + stateName + "' requested in operator '" + operator.name()
                + "', which does not run on a keyed stream. Call keyBy(...) before this operator to use keyed state.");
        }
        return backend;
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> d) {
        KeyedStateBackend b = backend(d.getName());
        return b.register(d, slot -> new HeapValueState<>(b, slot, d));
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> d) {
        KeyedStateBackend b = backend(d.getName());
        return b.register(d, slot -> new HeapListState<>(b, slot, d));
    }

    @Override
    public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> d) {
        KeyedStateBackend b = backend(d.getName());
        return b.register(d, slot -> new HeapMapState<>(b, slot, d));
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> d) {
        KeyedStateBackend b = backend(d.getName());
        return b.register(d, slot -> new HeapReducingState<>(b, slot, d));
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> d) {
        KeyedStateBackend b = backend(d.getName());
        return b.register(d, slot -> new HeapAggregatingState<>(b, slot, d));
    }
}
