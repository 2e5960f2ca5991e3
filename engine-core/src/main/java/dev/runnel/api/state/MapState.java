package dev.runnel.api.state;

import java.util.Map;

public interface MapState<K, V> extends State {
    V get(K key);

    void put(K key, V value);

    void putAll(Map<K, V> map);

    void remove(K key);

    boolean contains(K key);

    Iterable<Map.Entry<K, V>> entries();

    Iterable<K> keys();

    Iterable<V> values();

    boolean isEmpty();
}
