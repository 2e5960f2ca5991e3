package dev.runnel.runtime.operators;

import dev.runnel.api.functions.FlatMapFunction;
import dev.runnel.runtime.Operator;
import dev.runnel.runtime.Output;
import dev.runnel.runtime.OperatorContext;
import dev.runnel.state.KeyedRuntimeContext;

public final class FlatMapOperator<IN, OUT> extends Operator<IN, OUT> {
    private final FlatMapFunction<IN, OUT> function;
    private TimestampedCollector<OUT> collector;

    public FlatMapOperator(FlatMapFunction<IN, OUT> function) {
        this.function = function;
    }

    @Override
    public void setup(OperatorContext context, Output<OUT> output) {
        super.setup(context, output);
        collector = new TimestampedCollector<>(output);
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
        collector.setTimestamp(timestamp);
        try {
            function.flatMap(value, collector);
        } catch (Exception e) {
            throw userFailure(e, null, timestamp, value);
        }
    }

    /** Stateless apart from the watermark. */
    @Override
    public boolean supportsCheckpoints() {
        return true;
    }
}
