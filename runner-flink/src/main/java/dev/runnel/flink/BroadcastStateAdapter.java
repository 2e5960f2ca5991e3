package dev.runnel.flink;

import dev.runnel.api.state.BroadcastState;
import dev.runnel.api.state.ReadOnlyBroadcastState;
import java.util.Iterator;
import java.util.Map;

/** Runnel's broadcast state over Flink's: read-only on the element side, writable on the broadcast side. */
final class BroadcastStateAdapter {
    private BroadcastStateAdapter() {}

    @SuppressWarnings("unchecked")
    record ReadOnly<K, V>(org.apache.flink.api.common.state.ReadOnlyBroadcastState<Object, Object> flink)
            implements ReadOnlyBroadcastState<K, V> {
        @Override
        public V get(K key) throws Exception {
            return (V) flink.get(key);
        }

        @Override
        public boolean contains(K key) throws Exception {
            return flink.contains(key);
        }

        @Override
        public Iterable<Map.Entry<K, V>> immutableEntries() throws Exception {
            return (Iterable<Map.Entry<K, V>>) (Iterable<?>) flink.immutableEntries();
        }

        @Override
        public void clear() {
            throw new UnsupportedOperationException("The broadcast state is read-only on the element side");
        }
    }

    @SuppressWarnings("unchecked")
    record Writable<K, V>(org.apache.flink.api.common.state.BroadcastState<Object, Object> flink) implements BroadcastState<K, V> {
        @Override
        public void put(K key, V value) throws Exception {
            flink.put(key, value);
        }

        @Override
        public void putAll(Map<K, V> map) throws Exception {
            flink.putAll((Map<Object, Object>) map);
        }

        @Override
        public void remove(K key) throws Exception {
            flink.remove(key);
        }

        @Override
        public Iterator<Map.Entry<K, V>> iterator() throws Exception {
            return (Iterator<Map.Entry<K, V>>) (Iterator<?>) flink.iterator();
        }

        @Override
        public Iterable<Map.Entry<K, V>> entries() throws Exception {
            return (Iterable<Map.Entry<K, V>>) (Iterable<?>) flink.entries();
        }

        @Override
        public V get(K key) throws Exception {
            return (V) flink.get(key);
        }

        @Override
        public boolean contains(K key) throws Exception {
            return flink.contains(key);
        }

        @Override
        public Iterable<Map.Entry<K, V>> immutableEntries() throws Exception {
            return (Iterable<Map.Entry<K, V>>) (Iterable<?>) flink.immutableEntries();
        }

        @Override
        public void clear() {
            flink.clear();
        }
    }
}
