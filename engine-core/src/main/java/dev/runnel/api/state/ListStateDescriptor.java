package dev.runnel.api.state;

import dev.runnel.api.typeinfo.TypeInformation;

public final class ListStateDescriptor<T> extends StateDescriptor<T> {
    public ListStateDescriptor(String name, Class<T> elementType) {
        super(name, elementType);
    }

    /** Flink's form; the type is accepted for Flink programs; Runnel keeps only its class (see {@link TypeInformation}). */
    public ListStateDescriptor(String name, TypeInformation<T> elementTypeInfo) {
        super(name, elementTypeInfo.getTypeClass());
    }
}
