package dev.runnel.runtime.operators;

import dev.runnel.api.functions.FilterFunction;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.runtime.KeyedOperator;
import dev.runnel.state.KeyedRuntimeContext;

/** {@code keyBy(...).filter(...)}: a filter whose rich function may use keyed state (as Flink allows). */
public final class KeyedFilterOperator<K, T> extends KeyedOperator<K, T, T> {
    private final FilterFunction<T> function;

    public KeyedFilterOperator(KeySelector<T, K> keySelector, FilterFunction<T> function) {
        super(keySelector);
        this.function = function;
    }

    @Override
    public void open() throws Exception {
        UserFunctions.open(function, new KeyedRuntimeContext(context, backend));
    }

    @Override
    public void close() throws Exception {
        UserFunctions.close(function);
    }

    @Override
    protected void processElement(T value, long timestamp) {
        boolean keep;
        try {
            keep = function.filter(value);
        } catch (Exception e) {
            throw userFailure(e, currentKey, timestamp, value);
        }
        if (keep) {
            output.collect(value, timestamp);
        }
    }

    @Override
    protected void onTimer(long time, Object namespace, boolean eventTime) {}

    /** Keyed state is in the backend, which the base snapshots. */
    @Override
    public boolean supportsCheckpoints() {
        return true;
    }
}
