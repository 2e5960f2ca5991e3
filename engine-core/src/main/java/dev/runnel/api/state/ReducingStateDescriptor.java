package dev.runnel.api.state;

import dev.runnel.api.functions.ReduceFunction;
import dev.runnel.api.typeinfo.TypeInformation;
import java.util.Objects;

public final class ReducingStateDescriptor<T> extends StateDescriptor<T> {
    private final ReduceFunction<T> reduceFunction;

    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, Class<T> type) {
        super(name, type);
        this.reduceFunction = Objects.requireNonNull(reduceFunction, "reduceFunction");
    }

    /** Flink's form; the type is accepted for Flink programs; Runnel keeps only its class (see {@link TypeInformation}). */
    public ReducingStateDescriptor(String name, ReduceFunction<T> reduceFunction, TypeInformation<T> typeInfo) {
        this(name, reduceFunction, typeInfo.getTypeClass());
    }

    public ReduceFunction<T> getReduceFunction() {
        return reduceFunction;
    }
}
