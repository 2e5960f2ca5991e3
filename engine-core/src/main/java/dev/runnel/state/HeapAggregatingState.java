package dev.runnel.state;

import dev.runnel.api.functions.AggregateFunction;
import dev.runnel.api.state.AggregatingState;
import dev.runnel.api.state.AggregatingStateDescriptor;

public final class HeapAggregatingState<IN, ACC, OUT> extends AbstractKeyedState implements AggregatingState<IN, OUT> {
    private final AggregateFunction<IN, ACC, OUT> function;

    public HeapAggregatingState(StateSlots backend, int slot, AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        super(backend, slot, descriptor.getTtlConfig());
        this.function = descriptor.getAggregateFunction();
    }

    @Override
    @SuppressWarnings("unchecked")
    public OUT get() {
        ACC acc = (ACC) load();
        return acc == null ? null : function.getResult(acc);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void add(IN value) {
        ACC acc = (ACC) load();
        if (acc == null) {
            acc = function.createAccumulator();
        }
        store(function.add(value, acc));
    }
}
