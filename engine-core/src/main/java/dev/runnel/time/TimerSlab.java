package dev.runnel.time;

import java.util.Arrays;

/**
 * The timers of one {@link TimerQueue}, as entries in a few large arrays instead of objects, with
 * the index that de-duplicates them by (time, key, namespace).
 *
 * <p>Why: timers live from one watermark to the next, so they survive young collections. Held as
 * objects (a bucket per instant, an array of entries, and the key a {@code keyBy} boxed afresh for
 * the record) they were what W4's young collections copied: about 15 MB and 15–27 ms per pause at
 * 1 M events/s. Here an entry is four longs in one array and two references in another; a key
 * that is a {@link Long} is kept as its value (boxed again only when the timer fires), so a
 * long-keyed timer with no namespace holds no object at all, and the arrays themselves are old
 * after their first collections. Other keys and namespaces are held as they are.
 *
 * <p>Entry layout in {@code data}, four longs from {@code e << 2}: time; the key's value if it is a
 * {@code Long}; the hash (high 32 bits) and the next entry of the same instant plus one (low 32
 * bits); flags, and for the head of an instant's chain its tail entry plus one (high 32 bits).
 * {@code refs} holds the key object and the namespace at {@code 2e} and {@code 2e + 1}; it is
 * allocated when the first such object comes, so long keys without namespaces never have it. Freed
 * entries form a free list through the next field. The index is open addressing with linear
 * probing over entry ids plus one, deletion by shifting back (Knuth's algorithm R), so it keeps no
 * tombstones. Not thread-safe.
 */
final class TimerSlab {
    private static final int INITIAL_ENTRIES = 256;
    /** An emptied slab above this size goes back to its initial size, so a burst does not pin its peak memory. */
    private static final int SHRINK_ABOVE = 1 << 16;

    private static final long LONG_KEY = 1;
    private static final long HAS_NAMESPACE = 2;
    private static final long REMOVED = 4;
    private static final long FLAG_BITS = 7;

    private long[] data;
    /** Null until an entry holds an object. */
    private Object[] refs;
    private int capacity;
    /** Entries never handed out start here; below it, freed entries are reused through {@link #freeList}. */
    private int fresh;
    private int freeList = -1;
    private int used;

    private int[] index;
    private int indexMask;
    private int indexed;

    TimerSlab() {
        allocate(INITIAL_ENTRIES);
    }

    private void allocate(int entries) {
        capacity = entries;
        data = new long[entries << 2];
        refs = null;
        index = new int[entries << 1];
        indexMask = index.length - 1;
        fresh = 0;
        freeList = -1;
        used = 0;
        indexed = 0;
    }

    // ---- entries

    static int hash(long time, Object key, Object namespace) {
        long h = time * 0x9E3779B97F4A7C15L + key.hashCode();
        h = h * 0xC2B2AE3D27D4EB4FL + (namespace == null ? 0 : namespace.hashCode());
        h ^= h >>> 32;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 29;
        return (int) h;
    }

    /** A new entry, in the index, and the only one of its chain until others are appended. */
    int add(long time, Object key, Object namespace, int hash) {
        int e = take();
        int base = e << 2;
        long flags;
        if (key instanceof Long value) {
            data[base + 1] = value;
            flags = LONG_KEY;
        } else {
            refs()[e << 1] = key;
            flags = 0;
        }
        if (namespace != null) {
            refs()[(e << 1) + 1] = namespace;
            flags |= HAS_NAMESPACE;
        }
        data[base] = time;
        data[base + 2] = (long) hash << 32;
        data[base + 3] = flags;
        addToIndex(e);
        return e;
    }

    private Object[] refs() {
        if (refs == null) {
            refs = new Object[capacity << 1];
        }
        return refs;
    }

    private int take() {
        int e = freeList;
        if (e >= 0) {
            freeList = (int) data[(e << 2) + 2] - 1;
        } else {
            if (fresh == capacity) {
                grow();
            }
            e = fresh++;
        }
        used++;
        return e;
    }

    private void grow() {
        int entries = capacity << 1;
        data = Arrays.copyOf(data, entries << 2);
        if (refs != null) {
            refs = Arrays.copyOf(refs, entries << 1);
        }
        capacity = entries;
    }

    /** Returns an entry to the free list (it must be out of the index). */
    void free(int e) {
        int base = e << 2;
        long flags = data[base + 3];
        if ((flags & LONG_KEY) == 0 || (flags & HAS_NAMESPACE) != 0) {
            refs[e << 1] = null;
            refs[(e << 1) + 1] = null;
        }
        data[base + 2] = freeList + 1L;
        freeList = e;
        if (--used == 0 && capacity > SHRINK_ABOVE) {
            allocate(INITIAL_ENTRIES);
        }
    }

    long time(int e) {
        return data[e << 2];
    }

    /** The key as registered; a {@code Long} key is boxed again (equal, not the same object). */
    Object key(int e) {
        return (data[(e << 2) + 3] & LONG_KEY) != 0 ? (Object) data[(e << 2) + 1] : refs[e << 1];
    }

    Object namespace(int e) {
        return (data[(e << 2) + 3] & HAS_NAMESPACE) != 0 ? refs[(e << 1) + 1] : null;
    }

    boolean isRemoved(int e) {
        return (data[(e << 2) + 3] & REMOVED) != 0;
    }

    /** Takes a deleted timer out of the index; it stays in its chain, skipped, until the chain fires. */
    void markRemoved(int e) {
        removeFromIndex(e);
        data[(e << 2) + 3] |= REMOVED;
    }

    // ---- chains: the entries of one instant in registration order

    /** The next entry of the chain, or -1. */
    int next(int e) {
        return (int) data[(e << 2) + 2] - 1;
    }

    /** Appends {@code e} to the chain starting at {@code head}. */
    void append(int head, int e) {
        int tail = tail(head);
        int base = tail << 2;
        data[base + 2] = (data[base + 2] & 0xFFFF_FFFF_0000_0000L) | (e + 1L);
        data[(head << 2) + 3] = (data[(head << 2) + 3] & FLAG_BITS) | ((e + 1L) << 32);
    }

    /** The last entry of the chain starting at {@code head} (stored plus one; zero: the head is its own tail). */
    private int tail(int head) {
        int t = (int) (data[(head << 2) + 3] >>> 32);
        return t == 0 ? head : t - 1;
    }

    /** True if some entry of the chain is not removed. Bounded, for monitoring threads: a longer chain counts as live. */
    boolean anyLive(int head, int limit) {
        int e = head;
        for (int i = 0; e >= 0 && i < limit; i++) {
            if (!isRemoved(e)) {
                return true;
            }
            e = next(e);
        }
        return e >= 0;
    }

    // ---- the de-duplication index

    /** The pending entry equal to (time, key, namespace), or -1. */
    int find(long time, Object key, Object namespace, int hash) {
        boolean longKey = key instanceof Long;
        long value = longKey ? (Long) key : 0;
        long[] d = data;
        int[] idx = index;
        int mask = indexMask;
        int i = hash & mask;
        int id;
        while ((id = idx[i]) != 0) {
            int e = id - 1;
            int base = e << 2;
            if (d[base] == time && (int) (d[base + 2] >>> 32) == hash) {
                long flags = d[base + 3];
                boolean keyEqual = longKey ? (flags & LONG_KEY) != 0 && d[base + 1] == value
                    : (flags & LONG_KEY) == 0 && key.equals(refs[e << 1]);
                if (keyEqual && (namespace == null ? (flags & HAS_NAMESPACE) == 0
                    : (flags & HAS_NAMESPACE) != 0 && namespace.equals(refs[(e << 1) + 1]))) {
                    return e;
                }
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    private int hashOf(int e) {
        return (int) (data[(e << 2) + 2] >>> 32);
    }

    private void addToIndex(int e) {
        if ((indexed + 1) * 2 > index.length) {
            growIndex();
        }
        insert(e);
        indexed++;
    }

    private void insert(int e) {
        int i = hashOf(e) & indexMask;
        while (index[i] != 0) {
            i = (i + 1) & indexMask;
        }
        index[i] = e + 1;
    }

    private void growIndex() {
        int[] old = index;
        index = new int[old.length << 1];
        indexMask = index.length - 1;
        for (int id : old) {
            if (id != 0) {
                insert(id - 1);
            }
        }
    }

    /** Takes a pending entry out of the index (it fires, or was deleted). */
    void removeFromIndex(int e) {
        int mask = indexMask;
        int hole = hashOf(e) & mask;
        while (index[hole] != e + 1) {
            hole = (hole + 1) & mask;
        }
        int i = hole;
        while (true) {
            i = (i + 1) & mask;
            int id = index[i];
            if (id == 0) {
                break;
            }
            int home = hashOf(id - 1) & mask;
            // move the entry back if its home slot is not in the cyclic range (hole, i]
            boolean movable = hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
            if (movable) {
                index[hole] = id;
                hole = i;
            }
        }
        index[hole] = 0;
        indexed--;
    }
}
