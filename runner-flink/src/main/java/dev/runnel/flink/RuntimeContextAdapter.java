package dev.runnel.flink;

import dev.runnel.api.functions.RichFunction;
import dev.runnel.api.functions.RuntimeContext;

/**
 * Runnel's runtime context over Flink's: keyed state is Flink's keyed state (so it is checkpointed,
 * rescaled and restored by Flink), subtask index and parallelism are Flink's.
 */
final class RuntimeContextAdapter extends StateStoreAdapter implements RuntimeContext {
    private final String operatorName;
    private final org.apache.flink.api.common.functions.RuntimeContext flink;

    RuntimeContextAdapter(String operatorName, org.apache.flink.api.common.functions.RuntimeContext flink) {
        super(new FlinkContextStore(flink));
        this.operatorName = operatorName;
        this.flink = flink;
    }

    /**
     * Opens {@code fn} if it is a Runnel {@link RichFunction}, as the local runtime does: the context first (so
     * {@code getRuntimeContext()} works in {@code open}), then {@code open(RuntimeContext)} and Flink's {@code open(OpenContext)}.
     */
    static void open(Object fn, String operatorName, org.apache.flink.api.common.functions.RuntimeContext flink) throws Exception {
        if (fn instanceof RichFunction rich) {
            RuntimeContextAdapter context = new RuntimeContextAdapter(operatorName, flink);
            if (rich instanceof dev.runnel.api.functions.AbstractRichFunction withContext) {
                withContext.setRuntimeContext(context);
            }
            rich.open(context);
            rich.open(dev.runnel.api.functions.OpenContext.DEFAULT);
        }
    }

    static void close(Object fn) throws Exception {
        if (fn instanceof RichFunction rich) {
            rich.close();
        }
    }

    @Override
    public String operatorName() {
        return operatorName;
    }

    @Override
    public int indexOfThisSubtask() {
        return flink.getTaskInfo().getIndexOfThisSubtask();
    }

    @Override
    public int numberOfParallelSubtasks() {
        return flink.getTaskInfo().getNumberOfParallelSubtasks();
    }

    @Override
    public dev.runnel.api.metrics.OperatorMetricGroup getMetricGroup() {
        return new MetricGroupAdapter(flink.getMetricGroup());
    }

    /** Flink's runtime context seen as a keyed state store. */
    private record FlinkContextStore(org.apache.flink.api.common.functions.RuntimeContext ctx)
            implements org.apache.flink.api.common.state.KeyedStateStore {
        @Override
        public <T> org.apache.flink.api.common.state.ValueState<T> getState(org.apache.flink.api.common.state.ValueStateDescriptor<T> d) {
            return ctx.getState(d);
        }

        @Override
        public <T> org.apache.flink.api.common.state.ListState<T> getListState(org.apache.flink.api.common.state.ListStateDescriptor<T> d) {
            return ctx.getListState(d);
        }

        @Override
        public <T> org.apache.flink.api.common.state.ReducingState<T> getReducingState(
                org.apache.flink.api.common.state.ReducingStateDescriptor<T> d) {
            return ctx.getReducingState(d);
        }

        @Override
        public <IN, ACC, OUT> org.apache.flink.api.common.state.AggregatingState<IN, OUT> getAggregatingState(
                org.apache.flink.api.common.state.AggregatingStateDescriptor<IN, ACC, OUT> d) {
            return ctx.getAggregatingState(d);
        }

        @Override
        public <UK, UV> org.apache.flink.api.common.state.MapState<UK, UV> getMapState(
                org.apache.flink.api.common.state.MapStateDescriptor<UK, UV> d) {
            return ctx.getMapState(d);
        }
    }
}
