package dev.runnel.state;

import dev.runnel.api.functions.KeyedStateStore;
import dev.runnel.api.state.AggregatingStateDescriptor;
import dev.runnel.api.state.ListStateDescriptor;
import dev.runnel.api.state.MapStateDescriptor;
import dev.runnel.api.state.ReducingStateDescriptor;
import dev.runnel.api.state.State;
import dev.runnel.api.state.StateDescriptor;
import dev.runnel.api.state.ValueStateDescriptor;

/** The state a descriptor of any kind names, for code that is handed a descriptor without its kind (triggers, applyToKeyedState). */
public final class StatesByDescriptor {
    private StatesByDescriptor() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static State of(KeyedStateStore store, StateDescriptor<?> d) {
        if (d instanceof ValueStateDescriptor<?> v) {
            return store.getState(v);
        } else if (d instanceof ListStateDescriptor<?> l) {
            return store.getListState(l);
        } else if (d instanceof MapStateDescriptor<?, ?> m) {
            return store.getMapState(m);
        } else if (d instanceof ReducingStateDescriptor<?> r) {
            return store.getReducingState(r);
        } else if (d instanceof AggregatingStateDescriptor a) {
            return store.getAggregatingState(a);
        }
        throw new IllegalArgumentException("Unknown state descriptor " + d);
    }
}
