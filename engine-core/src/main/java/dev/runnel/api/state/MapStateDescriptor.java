package dev.runnel.api.state;

@SuppressWarnings({"rawtypes", "unchecked"})
public final class MapStateDescriptor<K, V> extends StateDescriptor<java.util.Map> {
    private final Class<K> keyType;
    private final Class<V> valueType;

    public MapStateDescriptor(String name, Class<K> keyType, Class<V> valueType) {
        super(name, java.util.Map.class);
        this.keyType = keyType;
        this.valueType = valueType;
    }

    public Class<K> getKeyType() {
        return keyType;
    }

    public Class<V> getValueType() {
        return valueType;
    }
}
