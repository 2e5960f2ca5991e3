package dev.runnel.state;

import dev.runnel.api.state.MapState;
import dev.runnel.api.state.MapStateDescriptor;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** Map state; with TTL the whole map expires a TTL after its last change. */
public final class HeapMapState<K, V> extends AbstractKeyedState implements MapState<K, V> {
    public HeapMapState(StateSlots backend, int slot, MapStateDescriptor<K, V> descriptor) {
        super(backend, slot, descriptor.getTtlConfig());
    }

    @SuppressWarnings("unchecked")
    private Map<K, V> map() {
        return (Map<K, V>) load();
    }

    private Map<K, V> mapForWrite() {
        Map<K, V> m = map();
        if (m == null) {
            m = new HashMap<>(8);
            store(m);
        } else {
            touched();
        }
        return m;
    }

    @Override
    public V get(K key) {
        Map<K, V> m = map();
        return m == null ? null : m.get(key);
    }

    @Override
    public void put(K key, V value) {
        mapForWrite().put(key, value);
    }

    @Override
    public void putAll(Map<K, V> map) {
        if (!map.isEmpty()) {
            mapForWrite().putAll(map);
        }
    }

    @Override
    public void remove(K key) {
        Map<K, V> m = map();
        if (m != null) {
            m.remove(key);
            if (m.isEmpty()) {
                clear();
            } else {
                touched();
            }
        }
    }

    @Override
    public boolean contains(K key) {
        Map<K, V> m = map();
        return m != null && m.containsKey(key);
    }

    @Override
    public Iterable<Map.Entry<K, V>> entries() {
        Map<K, V> m = map();
        return m == null ? Collections.emptySet() : m.entrySet();
    }

    @Override
    public Iterable<K> keys() {
        Map<K, V> m = map();
        return m == null ? Collections.emptySet() : m.keySet();
    }

    @Override
    public Iterable<V> values() {
        Map<K, V> m = map();
        return m == null ? Collections.emptyList() : m.values();
    }

    @Override
    public boolean isEmpty() {
        Map<K, V> m = map();
        return m == null || m.isEmpty();
    }
}
