package dev.runnel.window;

import java.util.Arrays;
import org.agrona.concurrent.UnsafeBuffer;

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
 * <p>Primitive keys, hash codes and the index live outside the heap ({@link OffHeap}): the tables
 * are pooled and long-lived, and arrays of them would be copied by every young collection until
 * promoted. Only keys of other types are held in an array of objects.
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
    /** Entries the table holds before it grows; the index has twice as many slots, so it is at most half full. */
    private int capacity;
    /**
     * One buffer for all the table's primitives, so that a table has one buffer (and the collector one
     * object behind it) however many arrays it holds: {@code capacity} keys of 8 bytes (primitive mode),
     * then {@code capacity} hash codes of 4 bytes, then {@code 2 * capacity} index slots of 4 bytes, each
     * the position + 1 of the key hashed to it, 0 when free.
     */
    private UnsafeBuffer memory;
    private int hashesAt;
    private int slotsAt;
    private int mask;
    private int shift;
    private Object[] objects;
    int count;
    /** The key of the last {@link #find} that missed after probing, and the free slot it stopped at; null once anything is appended. */
    private Object missedKey;
    private int missedSlot;

    /** {@code capacity}: a power of two, the keys expected (a slice's predecessors had about as many). */
    SliceKeys(boolean primitiveKeys, int capacity) {
        this.primitiveKeys = primitiveKeys;
        allocate(capacity);
    }

    private void allocate(int newCapacity) {
        capacity = newCapacity;
        memory = OffHeap.allocate(newCapacity * (Long.BYTES + Integer.BYTES + 2 * Integer.BYTES));
        hashesAt = newCapacity * Long.BYTES;
        slotsAt = hashesAt + newCapacity * Integer.BYTES;
        mask = 2 * newCapacity - 1;
        shift = Integer.numberOfLeadingZeros(mask);
    }

    /** Keys the table holds without growing. */
    int capacity() {
        return capacity;
    }

    /**
     * Position of {@code key}, or -1. A miss remembers the free slot it stopped at, so that appending
     * the same key right after (the common case: a key's first element in a slice) does not probe again.
     */
    int find(Object key) {
        int found;
        if (mode == LONGS) {
            found = key instanceof Long l ? findPrimitive(l, Long.hashCode(l)) : -1;
        } else if (mode == INTS) {
            found = key instanceof Integer i ? findPrimitive(i, i) : -1;
        } else {
            found = mode == OBJECTS ? findObject(key, key.hashCode()) : -1;
        }
        if (found >= 0) {
            return found;
        }
        missedKey = found == -1 ? null : key; // -1: no probe was made
        missedSlot = -2 - found;
        return -1;
    }

    /** The key's position, or {@code -2 - slot} of the free slot where the probe stopped. */
    private int findPrimitive(long key, int hash) {
        UnsafeBuffer memory = this.memory;
        int slotsAt = this.slotsAt;
        int mask = this.mask;
        int position;
        int s = (hash * 0x9E3779B9) >>> shift;
        for (; (position = memory.getInt(slotsAt + (s << 2))) != 0; s = (s + 1) & mask) {
            if (memory.getLong((position - 1) << 3) == key) {
                return position - 1;
            }
        }
        return -2 - s;
    }

    /** As {@link #findPrimitive}, for keys held as objects. */
    private int findObject(Object key, int hash) {
        UnsafeBuffer memory = this.memory;
        int mask = this.mask;
        int position;
        int s = (hash * 0x9E3779B9) >>> shift;
        for (; (position = memory.getInt(slotsAt + (s << 2))) != 0; s = (s + 1) & mask) {
            Object candidate = objects[position - 1];
            if (hash(position - 1) == hash && (candidate == key || candidate.equals(key))) {
                return position - 1;
            }
        }
        return -2 - s;
    }

    /** Adds {@code key}, which must not be in the table; returns its position. */
    int append(Object key) {
        if (mode == EMPTY) {
            enter(!primitiveKeys ? OBJECTS : key instanceof Long ? LONGS : key instanceof Integer ? INTS : OBJECTS);
        } else if (mode == LONGS && !(key instanceof Long) || mode == INTS && !(key instanceof Integer)) {
            becomeObjects();
        }
        boolean slotKnown = key == missedKey;
        missedKey = null;
        int at = count;
        if (at == capacity) {
            grow(); // a new index: the remembered slot is gone
            slotKnown = false;
        }
        int hash = key.hashCode();
        memory.putInt(hashesAt + (at << 2), hash);
        if (mode == OBJECTS) {
            objects[at] = key;
        } else {
            memory.putLong(at << 3, mode == LONGS ? (Long) key : (Integer) key);
        }
        if (slotKnown) {
            memory.putInt(slotsAt + (missedSlot << 2), at + 1);
        } else {
            index(hash, at);
        }
        count = at + 1;
        return at;
    }

    /** The hashCode of the key at {@code position}, read without touching the key. */
    int hash(int position) {
        return memory.getInt(hashesAt + (position << 2));
    }

    private void index(int hash, int position) {
        int s = (hash * 0x9E3779B9) >>> shift;
        while (memory.getInt(slotsAt + (s << 2)) != 0) {
            s = (s + 1) & mask;
        }
        memory.putInt(slotsAt + (s << 2), position + 1);
    }

    /** Doubles the capacity: keys and hashes are copied, the index is rebuilt from the hashes. */
    private void grow() {
        UnsafeBuffer old = memory;
        int oldHashesAt = hashesAt;
        allocate(capacity * 2);
        memory.putBytes(0, old, 0, count * Long.BYTES);
        memory.putBytes(hashesAt, old, oldHashesAt, count * Integer.BYTES);
        for (int i = 0; i < count; i++) {
            index(hash(i), i);
        }
        if (objects != null && mode == OBJECTS) {
            objects = Arrays.copyOf(objects, capacity);
        }
    }

    /** Starts an empty table in {@code newMode}. */
    private void enter(byte newMode) {
        if (newMode == OBJECTS && (objects == null || objects.length < capacity)) {
            objects = new Object[capacity];
        }
        mode = newMode;
    }

    /** Boxes the keys held so far; their hashes, and so the index, stay as they are. */
    private void becomeObjects() {
        Object[] boxed = new Object[capacity];
        for (int i = 0; i < count; i++) {
            boxed[i] = key(i);
        }
        objects = boxed;
        mode = OBJECTS;
    }

    /** Whether the key at {@code position} equals the key at {@code otherPosition} of {@code other}, without boxing. */
    boolean sameKey(int position, SliceKeys other, int otherPosition) {
        if (mode == other.mode && mode != OBJECTS) {
            return memory.getLong(position << 3) == other.memory.getLong(otherPosition << 3);
        }
        if (mode == OBJECTS && other.mode == OBJECTS) {
            return objects[position].equals(other.objects[otherPosition]);
        }
        return key(position).equals(other.key(otherPosition));
    }

    /** Whether every key is a {@link Long} held as its value ({@link #longKey}). */
    boolean longKeys() {
        return mode == LONGS;
    }

    /** The value of the key at {@code position}, where {@link #longKeys}. */
    long longKey(int position) {
        return memory.getLong(position << 3);
    }

    /** The key at {@code position}: boxed afresh for primitive keys. */
    Object key(int position) {
        return switch (mode) {
            case LONGS -> memory.getLong(position << 3);
            case INTS -> (int) memory.getLong(position << 3);
            default -> objects[position];
        };
    }

    /** Lets go of the keys (objects ones are no longer reachable from here); {@link #clear} must follow before reuse. */
    void release() {
        missedKey = null;
        if (mode == OBJECTS) {
            Arrays.fill(objects, 0, count, null);
        }
        count = 0;
        mode = EMPTY;
    }

    /** Empties the table for reuse, keeping its grown buffer: only the index needs zeroing. */
    void clear() {
        release();
        memory.setMemory(slotsAt, 2 * capacity * Integer.BYTES, (byte) 0);
    }
}
