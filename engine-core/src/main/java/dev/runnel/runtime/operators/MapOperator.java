package dev.runnel.runtime.operators;

import dev.runnel.api.functions.MapFunction;
import dev.runnel.runtime.Operator;
import dev.runnel.state.KeyedRuntimeContext;

public final class MapOperator<IN, OUT> extends Operator<IN, OUT> {
    private final MapFunction<IN, OUT> function;

    public MapOperator(MapFunction<IN, OUT> function) {
        this.function = function;
    }

    @Override
    public void open() throws Exception {
        UserFunctions.open(function, new KeyedRuntimeContext(context, null));
    }

    @Override
    public void close() throws Exception {
        UserFunctions.close(function);
    }

    @Override
    public void collect(IN value, long timestamp) {
        metrics.recordsIn++;
        OUT result;
        try {
            result = function.map(value);
        } catch (Exception e) {
            throw userFailure(e, null, timestamp, value);
        }
        output.collect(result, timestamp);
    }

    /** Stateless apart from the watermark. */
    @Override
    public boolean supportsCheckpoints() {
        return true;
    }
}
