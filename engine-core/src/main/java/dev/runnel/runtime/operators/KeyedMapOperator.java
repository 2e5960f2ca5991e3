package dev.runnel.runtime.operators;

import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.functions.MapFunction;
import dev.runnel.runtime.KeyedOperator;
import dev.runnel.state.KeyedRuntimeContext;

/** {@code keyBy(...).map(...)}: a map whose rich function may use keyed state (as Flink allows). */
public final class KeyedMapOperator<K, IN, OUT> extends KeyedOperator<K, IN, OUT> {
    private final MapFunction<IN, OUT> function;

    public KeyedMapOperator(KeySelector<IN, K> keySelector, MapFunction<IN, OUT> function) {
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
    protected void processElement(IN value, long timestamp) {
        OUT result;
        try {
            result = function.map(value);
        } catch (Exception e) {
            throw userFailure(e, currentKey, timestamp, value);
        }
        output.collect(result, timestamp);
    }

    @Override
    protected void onTimer(long time, Object namespace, boolean eventTime) {}

    /** Keyed state is in the backend, which the base snapshots. */
    @Override
    public boolean supportsCheckpoints() {
        return true;
    }
}
