package dev.runnel.api.state;

import java.util.Map;

/** Broadcast state as the non-broadcast side sees it: read-only, the same on every parallel instance. */
public interface ReadOnlyBroadcastState<K, V> extends State {
    V get(K key) throws Exception;

    boolean contains(K key) throws Exception;

    /** The entries, unmodifiable. */
    Iterable<Map.Entry<K, V>> immutableEntries() throws Exception;
}
