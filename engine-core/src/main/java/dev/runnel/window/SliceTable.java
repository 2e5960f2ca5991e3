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
    private final SliceKeys keys = new SliceKeys();
    private final SliceContents contents = new SliceContents();

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

    /** The key's hashCode at {@code position}, without reading the key. */
    int hash(int position) {
        return keys.hashes[position];
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
}
