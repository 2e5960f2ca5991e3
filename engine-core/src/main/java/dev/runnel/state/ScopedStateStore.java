package dev.runnel.state;

import dev.runnel.api.functions.KeyedStateStore;
import dev.runnel.api.state.AggregatingState;
import dev.runnel.api.state.AggregatingStateDescriptor;
import dev.runnel.api.state.ListState;
import dev.runnel.api.state.ListStateDescriptor;
import dev.runnel.api.state.MapState;
import dev.runnel.api.state.MapStateDescriptor;
import dev.runnel.api.state.ReducingState;
import dev.runnel.api.state.ReducingStateDescriptor;
import dev.runnel.api.state.StateDescriptor;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;

/** Hands out heap state handles over some slots (a key's, or a key and window's). */
public class ScopedStateStore implements KeyedStateStore {
    private final StateSlots slots;
    private final StateRegistrar registrar;

    public ScopedStateStore(StateSlots slots, StateRegistrar registrar) {
        this.slots = slots;
        this.registrar = registrar;
    }

    /** Lets subclasses refuse state (e.g. outside keyed streams) before anything is registered. */
    protected void check(StateDescriptor<?> descriptor) {}

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> d) {
        check(d);
        return registrar.register(d, slot -> new HeapValueState<>(slots, slot, d));
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> d) {
        check(d);
        return registrar.register(d, slot -> new HeapListState<>(slots, slot, d));
    }

    @Override
    public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> d) {
        check(d);
        return registrar.register(d, slot -> new HeapMapState<>(slots, slot, d));
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> d) {
        check(d);
        return registrar.register(d, slot -> new HeapReducingState<>(slots, slot, d));
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> d) {
        check(d);
        return registrar.register(d, slot -> new HeapAggregatingState<>(slots, slot, d));
    }
}
