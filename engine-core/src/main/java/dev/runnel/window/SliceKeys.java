package dev.runnel.window;

import java.util.Arrays;

/**
 * The keys of one slice in first-arrival order, and an open-addressing index from key to position.
 *
 * <p>{@code Long} and {@code Integer} keys, the commonest (account and card numbers), are held as
 * primitives: a slice lives until the watermark passes its windows, which on a fast source spans
 * many young collections, and a boxed key per entry would survive each of them (W1's pauses were
 * the copying of those boxes and their accumulators). The first key decides; a key of another type
 * turns the table into one of objects for the rest of its slice (rare: a key selector returns one
 * type). A key read back is boxed afresh, so it is equal to, not the same object as, the one added.
 *
 * <p>The index is a table of positions probed by each key's stored hash code, the same as the
 * boxed key's {@code hashCode}, so growing it never touches a key and a change of mode keeps it.
 */
final class SliceKeys {
    private static final byte EMPTY = 0;
    private static final byte LONGS = 1;
    private static final byte INTS = 2;
    private static final byte OBJECTS = 3;

    /** False where keys are read many times each (sliding windows): a fresh box per read would cost more than it saves. */
    private final boolean primitiveKeys;
    private byte mode = EMPTY;
    private long[] primitives = new long[64];
    private Object[] objects;
    /** Each key's hashCode, so that firings group keys and the index grows without touching them. */
    int[] hashes = new int[64];
    /** Position + 1 of the key hashed to each slot; 0 is free. At most half full. */
    private int[] slots = new int[128];
    private int shift = Integer.numberOfLeadingZeros(127);
    int count;

    SliceKeys(boolean primitiveKeys) {
        this.primitiveKeys = primitiveKeys;
    }

    /** Position of {@code key}, or -1. */
    int find(Object key) {
        if (mode == LONGS) {
            return key instanceof Long l ? findPrimitive(l, Long.hashCode(l)) : -1;
        }
        if (mode == INTS) {
            return key instanceof Integer i ? findPrimitive(i, i) : -1;
        }
        return mode == OBJECTS ? findObject(key, key.hashCode()) : -1;
    }

    private int findPrimitive(long key, int hash) {
        int[] slots = this.slots;
        int mask = slots.length - 1;
        long[] primitives = this.primitives;
        int position;
        for (int s = (hash * 0x9E3779B9) >>> shift; (position = slots[s]) != 0; s = (s + 1) & mask) {
            if (primitives[position - 1] == key) {
                return position - 1;
            }
        }
        return -1;
    }

    private int findObject(Object key, int hash) {
        int[] slots = this.slots;
        int mask = slots.length - 1;
        int position;
        for (int s = (hash * 0x9E3779B9) >>> shift; (position = slots[s]) != 0; s = (s + 1) & mask) {
            Object candidate = objects[position - 1];
            if (hashes[position - 1] == hash && (candidate == key || candidate.equals(key))) {
                return position - 1;
            }
        }
        return -1;
    }

    /** Adds {@code key}, which must not be in the table; returns its position. */
    int append(Object key) {
        if (mode == EMPTY) {
            enter(!primitiveKeys ? OBJECTS : key instanceof Long ? LONGS : key instanceof Integer ? INTS : OBJECTS);
        } else if (mode == LONGS && !(key instanceof Long) || mode == INTS && !(key instanceof Integer)) {
            becomeObjects();
        }
        int at = count;
        if (at == hashes.length) {
            grow();
        }
        int hash = key.hashCode();
        hashes[at] = hash;
        if (mode == OBJECTS) {
            objects[at] = key;
        } else {
            primitives[at] = mode == LONGS ? (Long) key : (Integer) key;
        }
        if ((at + 1) * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        index(hash, at);
        count = at + 1;
        return at;
    }

    private void index(int hash, int position) {
        int mask = slots.length - 1;
        int s = (hash * 0x9E3779B9) >>> shift;
        while (slots[s] != 0) {
            s = (s + 1) & mask;
        }
        slots[s] = position + 1;
    }

    private void rehash(int capacity) {
        slots = new int[capacity];
        shift = Integer.numberOfLeadingZeros(capacity - 1);
        for (int i = 0; i < count; i++) {
            index(hashes[i], i);
        }
    }

    private void grow() {
        int capacity = hashes.length * 2;
        hashes = Arrays.copyOf(hashes, capacity);
        if (mode == OBJECTS) {
            objects = Arrays.copyOf(objects, capacity);
        } else {
            primitives = Arrays.copyOf(primitives, capacity);
        }
    }

    /** Starts an empty table in {@code newMode}, with an array for its keys as long as the others. */
    private void enter(byte newMode) {
        if (newMode == OBJECTS && (objects == null || objects.length < hashes.length)) {
            objects = new Object[hashes.length];
        } else if (newMode != OBJECTS && primitives.length < hashes.length) {
            primitives = new long[hashes.length];
        }
        mode = newMode;
    }

    /** Boxes the keys held so far; their hashes, and so the index, stay as they are. */
    private void becomeObjects() {
        Object[] boxed = new Object[hashes.length];
        for (int i = 0; i < count; i++) {
            boxed[i] = key(i);
        }
        objects = boxed;
        mode = OBJECTS;
    }

    /** Whether the key at {@code position} equals the key at {@code otherPosition} of {@code other}, without boxing. */
    boolean sameKey(int position, SliceKeys other, int otherPosition) {
        if (mode == other.mode && mode != OBJECTS) {
            return primitives[position] == other.primitives[otherPosition];
        }
        if (mode == OBJECTS && other.mode == OBJECTS) {
            return objects[position].equals(other.objects[otherPosition]);
        }
        return key(position).equals(other.key(otherPosition));
    }

    /** The key at {@code position}: boxed afresh for primitive keys. */
    Object key(int position) {
        return switch (mode) {
            case LONGS -> primitives[position];
            case INTS -> (int) primitives[position];
            default -> objects[position];
        };
    }

    /** Empties the table for reuse, keeping its grown arrays. */
    void clear() {
        if (mode == OBJECTS) {
            Arrays.fill(objects, 0, count, null);
        }
        Arrays.fill(slots, 0);
        count = 0;
        mode = EMPTY;
    }
}
