package dev.runnel.runtime.operators;

import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.functions.ReduceFunction;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import dev.runnel.runtime.KeyedOperator;
import dev.runnel.state.KeyedRuntimeContext;

/** Rolling reduce per key: emits the reduced value after every record. */
public final class KeyedReduceOperator<K, T> extends KeyedOperator<K, T, T> {
    private final ReduceFunction<T> reducer;
    private ValueState<T> state;

    public KeyedReduceOperator(KeySelector<T, K> keySelector, ReduceFunction<T> reducer) {
        super(keySelector);
        this.reducer = reducer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        KeyedRuntimeContext rc = new KeyedRuntimeContext(context, backend);
        UserFunctions.open(reducer, rc);
        state = rc.getState(new ValueStateDescriptor<>("_reduce", (Class<T>) Object.class));
    }

    @Override
    public void close() throws Exception {
        UserFunctions.close(reducer);
    }

    @Override
    protected void processElement(T value, long timestamp) {
        T current = state.value();
        T next;
        try {
            if (current == null && reducer instanceof dev.runnel.api.functions.aggregation.AggregationFunction<T> aggregation) {
                aggregation.validate(value); // a built-in aggregation's field must exist, even for a key's only record
            }
            next = current == null ? value : reducer.reduce(current, value);
        } catch (Exception e) {
            throw userFailure(e, currentKey, timestamp, value);
        }
        state.update(next);
        output.collect(next, timestamp);
    }

    @Override
    protected void onTimer(long time, Object namespace, boolean eventTime) {}
    /** Keyed state and timers are all in the backend and the timer queues, which the base snapshots. */
    @Override
    public boolean supportsCheckpoints() {
        return true;
    }
}
