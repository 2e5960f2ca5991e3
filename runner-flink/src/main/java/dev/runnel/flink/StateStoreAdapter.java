package dev.runnel.flink;

import dev.runnel.api.functions.KeyedStateStore;
import dev.runnel.api.state.AggregatingState;
import dev.runnel.api.state.AggregatingStateDescriptor;
import dev.runnel.api.state.ListState;
import dev.runnel.api.state.ListStateDescriptor;
import dev.runnel.api.state.MapState;
import dev.runnel.api.state.MapStateDescriptor;
import dev.runnel.api.state.ReducingState;
import dev.runnel.api.state.ReducingStateDescriptor;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;

/** Runnel's keyed state store over Flink's (a runtime context, or a window function's per-window or global state). */
class StateStoreAdapter implements KeyedStateStore {
    private final org.apache.flink.api.common.state.KeyedStateStore flink;

    StateStoreAdapter(org.apache.flink.api.common.state.KeyedStateStore flink) {
        this.flink = flink;
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> d) {
        return new StateAdapters.Value<>(flink.getState(FlinkDescriptors.value(d)));
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> d) {
        return new StateAdapters.Listed<>(flink.getListState(FlinkDescriptors.list(d)));
    }

    @Override
    public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> d) {
        return new StateAdapters.Mapped<>(flink.getMapState(FlinkDescriptors.map(d)));
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> d) {
        return new StateAdapters.Reducing<>(flink.getReducingState(FlinkDescriptors.reducing(d)));
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> d) {
        return new StateAdapters.Aggregating<>(flink.getAggregatingState(FlinkDescriptors.aggregating(d)));
    }
}
