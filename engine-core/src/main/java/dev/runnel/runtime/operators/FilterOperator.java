package dev.runnel.runtime.operators;

import dev.runnel.api.functions.FilterFunction;
import dev.runnel.runtime.Operator;
import dev.runnel.state.KeyedRuntimeContext;

public final class FilterOperator<T> extends Operator<T, T> {
    private final FilterFunction<T> function;

    public FilterOperator(FilterFunction<T> function) {
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
    public void collect(T value, long timestamp) {
        metrics.recordsIn++;
        boolean keep;
        try {
            keep = function.filter(value);
        } catch (Exception e) {
            throw userFailure(e, null, timestamp, value);
        }
        if (keep) {
            output.collect(value, timestamp);
        }
    }

    /** Stateless apart from the watermark. */
    @Override
    public boolean supportsCheckpoints() {
        return true;
    }
}
