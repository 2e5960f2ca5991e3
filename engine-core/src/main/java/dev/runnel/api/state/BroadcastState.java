package dev.runnel.api.state;

import java.util.Iterator;
import java.util.Map;

/**
 * Map-shaped state that every parallel instance of an operator holds identically, because only
 * broadcast elements (which every instance receives) may change it. Checkpointed with the job.
 */
public interface BroadcastState<K, V> extends ReadOnlyBroadcastState<K, V> {
    void put(K key, V value) throws Exception;

    void putAll(Map<K, V> map) throws Exception;

    void remove(K key) throws Exception;

    Iterator<Map.Entry<K, V>> iterator() throws Exception;

    Iterable<Map.Entry<K, V>> entries() throws Exception;
}
