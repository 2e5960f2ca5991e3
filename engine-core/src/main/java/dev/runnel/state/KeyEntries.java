package dev.runnel.state;

import java.util.HashMap;
import java.util.Map;

/**
 * Each key's slot array, by key, for {@link KeyedStateBackend}.
 *
 * <p>Keys that are all {@link Long} or all {@link Integer}, what {@code keyBy} on a number gives, are
 * held as primitives in an open-addressing table: a lookup reads two arrays, where a
 * {@link HashMap} reads its bucket, a node and the node's key object, each allocated at another
 * time. A key costs 24 to 48 bytes of table (12 per slot, a quarter to a half of them used) instead
 * of a 32-byte node, a 16-byte box and its bucket, which a job with millions of keys keeps on its
 * heap; W4 ran 3% faster. The home slot is the key times the golden ratio's 64-bit fraction, top
 * bits (Fibonacci hashing), so consecutive keys spread over the table instead of forming the long
 * probe clusters an identity hash gives under linear probing. Removal shifts later entries of
 * the cluster back (Knuth's algorithm R), so there are no tombstones and a key whose state is
 * cleared costs nothing afterwards. The first key of another type turns the table into a
 * {@code HashMap} for good. Not thread-safe; {@link #forEach} tolerates a racy reader (monitoring)
 * as far as it never throws an index error.
 */
final class KeyEntries {
    private static final byte EMPTY = 0;
    private static final byte LONGS = 1;
    private static final byte INTS = 2;
    private static final byte OBJECTS = 3;
    private static final int INITIAL_CAPACITY = 1024;
    private static final long GOLDEN = 0x9E37_79B9_7F4A_7C15L;

    private byte mode = EMPTY;
    private long[] keys;
    /** Per table slot, the key's slot array; null where the table slot is free. */
    private Object[][] values;
    private int shift;
    private int size;
    private HashMap<Object, Object[]> objects;

    KeyEntries() {
        this(INITIAL_CAPACITY);
    }

    /** {@code capacity}: the table's initial slots, a power of two (tests start small so that clusters wrap around). */
    KeyEntries(int capacity) {
        keys = new long[capacity];
        values = new Object[capacity][];
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    /** Visits one key and its slot array. */
    interface Visitor<X extends Exception> {
        void visit(Object key, Object[] slots) throws X;
    }

    Object[] get(Object key) {
        switch (mode) {
            case LONGS:
                return key instanceof Long l ? values[find(l)] : null;
            case INTS:
                return key instanceof Integer i ? values[find(i)] : null;
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
            put(l.longValue(), slots);
        } else if (mode == INTS && key instanceof Integer i) {
            put(i.longValue(), slots);
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
            int at = find(((Number) key).longValue());
            if (values[at] != null) {
                removeAt(at);
            }
        }
    }

    int size() {
        return mode == OBJECTS ? objects.size() : size;
    }

    /** Every key with its slot array, in no particular order; the visitor must not add or remove keys. */
    <X extends Exception> void forEach(Visitor<X> visitor) throws X {
        if (mode == OBJECTS) {
            for (Map.Entry<Object, Object[]> e : objects.entrySet()) {
                visitor.visit(e.getKey(), e.getValue());
            }
            return;
        }
        long[] k = keys;
        Object[][] v = values;
        boolean ints = mode == INTS;
        for (int i = 0, n = Math.min(k.length, v.length); i < n; i++) {
            Object[] slots = v[i];
            if (slots != null) {
                visitor.visit(ints ? (Object) (int) k[i] : (Object) k[i], slots);
            }
        }
    }

    // ---- the primitive table

    /** The table slot holding {@code key}, or the free slot where it would go. */
    private int find(long key) {
        long[] k = keys;
        Object[][] v = values;
        int mask = k.length - 1;
        for (int at = home(key); ; at = (at + 1) & mask) {
            if (v[at] == null || k[at] == key) {
                return at;
            }
        }
    }

    private int home(long key) {
        return (int) ((key * GOLDEN) >>> shift);
    }

    private void put(long key, Object[] slots) {
        int at = find(key);
        if (values[at] == null) {
            keys[at] = key;
            if (++size * 2 > keys.length) {
                values[at] = slots;
                resize(keys.length * 2);
                return;
            }
        }
        values[at] = slots;
    }

    /** Frees table slot {@code at} and moves back the entries after it that could not sit in their home slot. */
    private void removeAt(int at) {
        long[] k = keys;
        Object[][] v = values;
        int mask = k.length - 1;
        int gap = at;
        for (int next = (gap + 1) & mask; v[next] != null; next = (next + 1) & mask) {
            int h = home(k[next]);
            // the entry at next may fill the gap unless its home lies cyclically in (gap, next]
            boolean stays = gap <= next ? gap < h && h <= next : gap < h || h <= next;
            if (!stays) {
                k[gap] = k[next];
                v[gap] = v[next];
                gap = next;
            }
        }
        v[gap] = null;
        size--;
    }

    private void resize(int capacity) {
        long[] oldKeys = keys;
        Object[][] oldValues = values;
        keys = new long[capacity];
        values = new Object[capacity][];
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        int mask = capacity - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] != null) {
                int at = home(oldKeys[i]);
                while (values[at] != null) {
                    at = (at + 1) & mask;
                }
                keys[at] = oldKeys[i];
                values[at] = oldValues[i];
            }
        }
    }

    private void becomeObjects() {
        HashMap<Object, Object[]> map = new HashMap<>(Math.max(INITIAL_CAPACITY, size * 2));
        forEach(map::put);
        objects = map;
        mode = OBJECTS;
        keys = new long[0];
        values = new Object[0][];
        size = 0;
    }
}
