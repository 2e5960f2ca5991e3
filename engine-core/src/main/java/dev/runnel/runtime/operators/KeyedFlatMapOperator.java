package dev.runnel.runtime.operators;

import dev.runnel.api.functions.FlatMapFunction;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.runtime.KeyedOperator;
import dev.runnel.runtime.OperatorContext;
import dev.runnel.runtime.Output;
import dev.runnel.state.KeyedRuntimeContext;

/** {@code keyBy(...).flatMap(...)}: a flatMap whose rich function may use keyed state (as Flink allows). */
public final class KeyedFlatMapOperator<K, IN, OUT> extends KeyedOperator<K, IN, OUT> {
    private final FlatMapFunction<IN, OUT> function;
    private TimestampedCollector<OUT> collector;

    public KeyedFlatMapOperator(KeySelector<IN, K> keySelector, FlatMapFunction<IN, OUT> function) {
        super(keySelector);
        this.function = function;
    }

    @Override
    public void setup(OperatorContext context, Output<OUT> output) {
        super.setup(context, output);
        collector = new TimestampedCollector<>(output);
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
        collector.setTimestamp(timestamp);
        try {
            function.flatMap(value, collector);
        } catch (Exception e) {
            throw userFailure(e, currentKey, timestamp, value);
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
