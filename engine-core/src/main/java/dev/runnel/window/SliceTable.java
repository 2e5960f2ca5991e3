package dev.runnel.window;

/**
 * One slice of time for all keys of an operator instance: the keys with elements in the slice and
 * their contents, by position in first-arrival order (a firing walks positions and emits keys in a
 * stable order), with an index from key to position. Tables are reused after their slice is
 * dropped, so a steady stream allocates no tables and never re-grows them; primitive keys and
 * array accumulators are held without an object per entry ({@link SliceKeys}, {@link SliceContents}).
 */
final class SliceTable {
    long start;
    private final SliceKeys keys;
    private final SliceContents contents;

    /**
     * {@code primitives}: whether primitive keys and array accumulators are held as primitives (see
     * {@link SliceKeys}, {@link SliceContents}); worth it where each entry is read about once.
     * {@code capacity}: a power of two, the keys expected.
     */
    SliceTable(boolean primitives, int capacity) {
        keys = new SliceKeys(primitives, capacity);
        contents = new SliceContents(primitives, capacity);
    }

    /** Keys the table holds without growing. */
    int capacity() {
        return keys.capacity();
    }

    /** Number of keys in this slice. */
    int count() {
        return keys.count;
    }

    /** Position of {@code key} in this slice, or -1. */
    int find(Object key) {
        return keys.find(key);
    }

    /** Adds {@code key}, not yet in this slice, with its first contents; returns its position. */
    int append(Object key, Object value) {
        int at = keys.append(key);
        contents.set(at, value);
        return at;
    }

    /** The key at {@code position} (equal to the one appended; a fresh box for primitive keys). */
    Object key(int position) {
        return keys.key(position);
    }

    /** Whether every key is a {@link Long} held as its value ({@link #longKey}). */
    boolean longKeys() {
        return keys.longKeys();
    }

    /** The value of the key at {@code position}, where {@link #longKeys}. */
    long longKey(int position) {
        return keys.longKey(position);
    }

    /** Whether the key at {@code position} equals the key at {@code otherPosition} of {@code other}. */
    boolean sameKey(int position, SliceTable other, int otherPosition) {
        return keys.sameKey(position, other.keys, otherPosition);
    }

    /** The hashCode of the key at {@code position}, read without touching the key; for loops over the whole slice. */
    int hash(int position) {
        return keys.hash(position);
    }

    /** The contents at {@code position}; array accumulators come as a copy, so write changes back with {@link #setContents}. */
    Object contents(int position) {
        return contents.get(position);
    }

    void setContents(int position, Object value) {
        contents.set(position, value);
    }

    /** Empties the table for reuse as the slice starting at {@code newStart}. */
    void reset(long newStart) {
        start = newStart;
        keys.clear();
        contents.clear();
    }

    /** Drops what the table holds, for the pool; {@link #reset} must follow before it is used again. */
    void release() {
        start = Long.MIN_VALUE;
        keys.release();
        contents.clear(); // nothing of the contents needs zeroing
    }
}
