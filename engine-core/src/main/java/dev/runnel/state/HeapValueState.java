package dev.runnel.state;

import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;

public final class HeapValueState<T> extends AbstractKeyedState implements ValueState<T> {
    public HeapValueState(StateSlots backend, int slot, ValueStateDescriptor<T> descriptor) {
        super(backend, slot, descriptor.getTtlConfig());
    }

    @Override
    @SuppressWarnings("unchecked")
    public T value() {
        return (T) load();
    }

    @Override
    public void update(T value) {
        store(value);
    }
}
