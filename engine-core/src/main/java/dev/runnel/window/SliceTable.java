package dev.runnel.window;

import java.util.Arrays;
import org.agrona.collections.Int2IntHashMap;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Object2IntHashMap;

/**
 * One slice of time for all keys of an operator instance: the keys with elements in the slice and
 * their contents, in parallel arrays in first-arrival order (a firing walks plain arrays and emits
 * keys in a stable order), plus a primitive-valued index from key to position. Tables are reused
 * after their slice is dropped, so a steady stream allocates no tables and never re-grows them.
 *
 * <p>{@code Integer} and {@code Long} keys (ids: the common case) are indexed by their value, so a
 * lookup compares numbers in a flat array instead of following every stored key it probes to its
 * object, a cache miss each once the keys of many slices no longer fit in the cache. Other keys, and a
 * table that meets a second key type, use an index of key objects.
 */
final class SliceTable {
    private static final int NONE = 0;
    private static final int INTS = 1;
    private static final int LONGS = 2;
    private static final int OBJECTS = 3;

    long start;
    Object[] keys = new Object[64];
    Object[] contents = new Object[64];
    /** Each key's hashCode, taken while the key is in cache, so firings group keys without touching them. */
    int[] hashes = new int[64];
    int count;
    /** Which index holds the keys: decided by the first key, {@link #OBJECTS} once a second type comes. */
    private int indexed = NONE;
    private Int2IntHashMap intIndex;
    private Long2LongHashMap longIndex;
    private Object2IntHashMap<Object> objectIndex;

    /** Position of {@code key} in this slice, or -1. */
    int find(Object key) {
        switch (indexed) {
            case INTS:
                // every stored key is an Integer, so a key of another type is in no position
                return key instanceof Integer i ? intIndex.get(i.intValue()) : -1;
            case LONGS:
                return key instanceof Long l ? (int) longIndex.get(l.longValue()) : -1;
            case OBJECTS:
                return objectIndex.getValue(key);
            default:
                return -1;
        }
    }

    int append(Object key, Object value) {
        if (count == keys.length) {
            keys = Arrays.copyOf(keys, count * 2);
            contents = Arrays.copyOf(contents, count * 2);
            hashes = Arrays.copyOf(hashes, count * 2);
        }
        index(key, count);
        hashes[count] = key.hashCode();
        keys[count] = key;
        contents[count] = value;
        return count++;
    }

    private void index(Object key, int position) {
        if (indexed == NONE) {
            indexed = key instanceof Integer ? INTS : key instanceof Long ? LONGS : OBJECTS;
        } else if (indexed == INTS && !(key instanceof Integer) || indexed == LONGS && !(key instanceof Long)) {
            indexAllByObject();
        }
        switch (indexed) {
            case INTS -> ints().put(((Integer) key).intValue(), position);
            case LONGS -> longs().put(((Long) key).longValue(), position);
            default -> objects().put(key, position);
        }
    }

    /** A second key type arrived: the keys so far move to the object index, which takes every type. */
    private void indexAllByObject() {
        Object2IntHashMap<Object> all = objects();
        for (int i = 0; i < count; i++) {
            all.put(keys[i], i);
        }
        if (indexed == INTS) {
            intIndex.clear();
        } else {
            longIndex.clear();
        }
        indexed = OBJECTS;
    }

    private Int2IntHashMap ints() {
        if (intIndex == null) {
            intIndex = new Int2IntHashMap(64, 0.55f, -1);
        }
        return intIndex;
    }

    private Long2LongHashMap longs() {
        if (longIndex == null) {
            longIndex = new Long2LongHashMap(64, 0.55f, -1);
        }
        return longIndex;
    }

    private Object2IntHashMap<Object> objects() {
        if (objectIndex == null) {
            objectIndex = new Object2IntHashMap<>(64, 0.55f, -1);
        }
        return objectIndex;
    }

    /** Empties the table for reuse as the slice starting at {@code newStart}. */
    void reset(long newStart) {
        start = newStart;
        Arrays.fill(keys, 0, count, null);
        Arrays.fill(contents, 0, count, null);
        count = 0;
        switch (indexed) {
            case INTS -> intIndex.clear();
            case LONGS -> longIndex.clear();
            case OBJECTS -> objectIndex.clear();
            default -> { }
        }
        indexed = NONE;
    }
}
