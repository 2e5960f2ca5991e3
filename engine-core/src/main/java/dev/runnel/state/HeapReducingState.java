package dev.runnel.state;

import dev.runnel.api.functions.ReduceFunction;
import dev.runnel.api.state.ReducingState;
import dev.runnel.api.state.ReducingStateDescriptor;

public final class HeapReducingState<T> extends AbstractKeyedState implements ReducingState<T> {
    private final ReduceFunction<T> reducer;

    public HeapReducingState(StateSlots backend, int slot, ReducingStateDescriptor<T> descriptor) {
        super(backend, slot, descriptor.getTtlConfig());
        this.reducer = descriptor.getReduceFunction();
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get() {
        return (T) load();
    }

    @Override
    public void add(T value) {
        T current = get();
        try {
            store(current == null ? value : reducer.reduce(current, value));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StateFunctionException(e);
        }
    }
}
