package dev.runnel.flink;

import dev.runnel.api.functions.ReduceFunction;

/** A Runnel reduce function as Flink's. */
final class FlinkReduce implements org.apache.flink.api.common.functions.ReduceFunction<Object> {
    private static final long serialVersionUID = 1L;
    private final ReduceFunction<Object> fn;

    FlinkReduce(ReduceFunction<Object> fn) {
        this.fn = fn;
    }

    @Override
    public Object reduce(Object a, Object b) throws Exception {
        return fn.reduce(a, b);
    }
}
