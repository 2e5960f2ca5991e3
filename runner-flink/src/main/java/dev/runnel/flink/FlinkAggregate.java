package dev.runnel.flink;

import dev.runnel.api.functions.AggregateFunction;

/** A Runnel aggregate function as Flink's. */
final class FlinkAggregate implements org.apache.flink.api.common.functions.AggregateFunction<Object, Object, Object> {
    private static final long serialVersionUID = 1L;
    private final AggregateFunction<Object, Object, Object> fn;

    FlinkAggregate(AggregateFunction<Object, Object, Object> fn) {
        this.fn = fn;
    }

    @Override
    public Object createAccumulator() {
        return fn.createAccumulator();
    }

    @Override
    public Object add(Object value, Object accumulator) {
        return fn.add(value, accumulator);
    }

    @Override
    public Object getResult(Object accumulator) {
        return fn.getResult(accumulator);
    }

    @Override
    public Object merge(Object a, Object b) {
        return fn.merge(a, b);
    }
}
