package dev.runnel.api.state;

import dev.runnel.api.typeinfo.TypeInformation;

public final class ValueStateDescriptor<T> extends StateDescriptor<T> {
    public ValueStateDescriptor(String name, Class<T> type) {
        super(name, type);
    }

    /** Flink's form, e.g. {@code new ValueStateDescriptor<>("count", Types.LONG)}; the type is accepted for Flink programs; Runnel keeps only its class (see {@link TypeInformation}). */
    public ValueStateDescriptor(String name, TypeInformation<T> typeInfo) {
        super(name, typeInfo.getTypeClass());
    }
}
