package dev.runnel.window;

import java.util.Arrays;
import org.agrona.collections.Object2IntHashMap;

/**
 * One slice of time for all keys of an operator instance: the keys with elements in the slice and
 * their contents, in parallel arrays in first-arrival order (a firing walks plain arrays and emits
 * keys in a stable order), plus a primitive-valued index from key to position. Tables are reused
 * after their slice is dropped, so a steady stream allocates no tables and never re-grows them.
 */
final class SliceTable {
    long start;
    Object[] keys = new Object[64];
    Object[] contents = new Object[64];
    /** Each key's hashCode, taken while the key is in cache, so firings group keys without touching them. */
    int[] hashes = new int[64];
    int count;
    private final Object2IntHashMap<Object> index = new Object2IntHashMap<>(64, 0.55f, -1);

    /** Position of {@code key} in this slice, or -1. */
    int find(Object key) {
        return index.getValue(key);
    }

    int append(Object key, Object value) {
        if (count == keys.length) {
            keys = Arrays.copyOf(keys, count * 2);
            contents = Arrays.copyOf(contents, count * 2);
            hashes = Arrays.copyOf(hashes, count * 2);
        }
        hashes[count] = key.hashCode();
        keys[count] = key;
        contents[count] = value;
        index.put(key, count);
        return count++;
    }

    /** Empties the table for reuse as the slice starting at {@code newStart}. */
    void reset(long newStart) {
        start = newStart;
        Arrays.fill(keys, 0, count, null);
        Arrays.fill(contents, 0, count, null);
        count = 0;
        index.clear();
    }
}
