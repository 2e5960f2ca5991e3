package dev.runnel.api.state;

import dev.runnel.api.typeinfo.TypeInformation;

@SuppressWarnings({"rawtypes", "unchecked"})
public final class MapStateDescriptor<K, V> extends StateDescriptor<java.util.Map> {
    private final Class<K> keyType;
    private final Class<V> valueType;

    public MapStateDescriptor(String name, Class<K> keyType, Class<V> valueType) {
        super(name, java.util.Map.class);
        this.keyType = keyType;
        this.valueType = valueType;
    }

    /** Flink's form; the type is accepted for Flink programs; Runnel keeps only its class (see {@link TypeInformation}). */
    public MapStateDescriptor(String name, TypeInformation<K> keyTypeInfo, TypeInformation<V> valueTypeInfo) {
        this(name, keyTypeInfo.getTypeClass(), valueTypeInfo.getTypeClass());
    }

    public Class<K> getKeyType() {
        return keyType;
    }

    public Class<V> getValueType() {
        return valueType;
    }
}
