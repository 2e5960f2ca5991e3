package dev.runnel.api.state;

import dev.runnel.api.functions.ReduceFunction;
import java.util.Objects;

public final class ReducingStateDescriptor<T> extends StateDescriptor<T> {
    private final ReduceFunction<T> reduceFunction;

    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, Class<T> type) {
        super(name, type);
        this.reduceFunction = Objects.requireNonNull(reduceFunction, "reduceFunction");
    }

    public ReduceFunction<T> getReduceFunction() {
        return reduceFunction;
    }
}
