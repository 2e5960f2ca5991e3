package dev.runnel.api.functions;

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

/**
 * What a function sees of the operator instance running it. Keyed state is only available on keyed
 * streams; asking for it elsewhere fails with a message that says to call {@code keyBy}.
 */
public interface RuntimeContext {
    String operatorName();

    int indexOfThisSubtask();

    int numberOfParallelSubtasks();

    <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

    <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

    <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor);

    <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor);

    <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> descriptor);
}
