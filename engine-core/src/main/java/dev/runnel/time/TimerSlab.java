package dev.runnel.time;

import java.util.Arrays;

/**
 * The timers of one {@link TimerQueue}, as entries in a few large arrays instead of objects. The
 * timers due at one instant form a chain in registration order.
 *
 * <p>Why: timers live from one watermark to the next, so they survive young collections. Held as
 * objects (a bucket per instant, an array of entries, and the key a {@code keyBy} boxed afresh for
 * the record) they were what W4's young collections copied: about 15 MB and 15–27 ms per pause at
 * 1 M events/s. Here an entry is four longs in one array; a key that is a {@link Long} is kept as
 * its value (boxed again only when the timer fires), so a long-keyed timer with no namespace holds
 * no object at all, and an array is copied far faster than the same bytes as small objects. Other
 * keys and namespaces are held as they are, in a second array allocated when the first one comes.
 *
 * <p>Entry layout in {@code data}, four longs from {@code e << 2}: time; the key's value if it is a
 * {@code Long}; the index hash (high 32 bits, large chains only) and the next entry of the chain
 * plus one (low 32 bits); flags, and in a chain's head also the chain's length (bits 4–31) and its
 * tail entry plus one (high 32 bits). {@code refs} holds the key object and the namespace at
 * {@code 2e} and {@code 2e + 1}.
 *
 * <p>De-duplication scans a chain while it is short (most instants hold one or two timers), and
 * through an index once it is longer than {@value #SCAN_LIMIT}, as a million keys whose windows end
 * together would be: open addressing with linear probing over entry ids plus one, deletion by
 * shifting back (Knuth's algorithm R), so no tombstones. Only entries of long chains that were
 * searched are in it, so the common timer, and every timer registered without de-duplication,
 * never computes a hash. Freed entries are reused in address order ({@link FreeEntries}): timers fire
 * in about the order they were registered, so a firing walks the array forward instead of jumping.
 * Not thread-safe.
 */
final class TimerSlab {
    private static final int INITIAL_ENTRIES = 256;
    /** An emptied slab above this size goes back to its initial size, so a burst does not pin its peak memory. */
    private static final int SHRINK_ABOVE = 1 << 16;
    /** Chains longer than this de-duplicate through the index, built when such a chain is first searched. */
    static final int SCAN_LIMIT = 8;

    private static final long LONG_KEY = 1;
    private static final long HAS_NAMESPACE = 2;
    private static final long REMOVED = 4;
    /** On a head: the chain was searched while longer than {@link #SCAN_LIMIT}, and its live entries are in the index. */
    private static final long INDEXED = 8;
    private static final long FLAG_BITS = 15;
    private static final long LENGTH_ONE = 1L << 4;
    private static final long LENGTH_BITS = 0xFFFF_FFF0L;

    private long[] data;
    /** Null until an entry holds an object. */
    private Object[] refs;
    /** Per entry, a number its registrant attached ({@link TimerQueue#registerUnique(Object, Object, long, int)}); null until one does. */
    private int[] tags;
    private int capacity;
    /** Entries never handed out start here; below it, freed entries are in {@link #freeEntries}. */
    private int fresh;
    private FreeEntries freeEntries;
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
        tags = null;
        index = new int[16];
        indexMask = index.length - 1;
        fresh = 0;
        freeEntries = new FreeEntries(entries);
        used = 0;
        indexed = 0;
    }

    // ---- entries

    /** A new entry, the head of a chain of one until it is appended to another chain. */
    int add(long time, Object key, Object namespace) {
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
        data[base + 2] = 0;
        data[base + 3] = flags | LENGTH_ONE;
        if (tags != null) {
            tags[e] = 0;
        }
        return e;
    }

    private Object[] refs() {
        if (refs == null) {
            refs = new Object[capacity << 1];
        }
        return refs;
    }

    /** A free entry in address order ({@link FreeEntries}), or a new one. */
    private int take() {
        int e;
        if (freeEntries.worthSearching(fresh)) {
            e = freeEntries.take(fresh);
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
        freeEntries.grow(entries);
        if (refs != null) {
            refs = Arrays.copyOf(refs, entries << 1);
        }
        if (tags != null) {
            tags = Arrays.copyOf(tags, entries);
        }
        capacity = entries;
    }

    /** Frees an entry for reuse (it must be out of the index). */
    void free(int e) {
        int base = e << 2;
        long flags = data[base + 3];
        if ((flags & LONG_KEY) == 0 || (flags & HAS_NAMESPACE) != 0) {
            refs[e << 1] = null;
            refs[(e << 1) + 1] = null;
        }
        data[base + 2] = 0;
        freeEntries.add(e);
        if (--used == 0 && capacity > SHRINK_ABOVE) {
            allocate(INITIAL_ENTRIES);
        }
    }

    void setTag(int e, int tag) {
        if (tags == null) {
            if (tag == 0) {
                return;
            }
            tags = new int[capacity];
        }
        tags[e] = tag;
    }

    /** The entry's tag; 0 if none was attached. */
    int tag(int e) {
        return tags == null ? 0 : tags[e];
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

    private boolean matches(int e, Object key, Object namespace) {
        long flags = data[(e << 2) + 3];
        if ((flags & REMOVED) != 0) {
            return false;
        }
        boolean keyEqual = (flags & LONG_KEY) != 0
            ? key instanceof Long value && data[(e << 2) + 1] == value
            : !(key instanceof Long) && key.equals(refs[e << 1]);
        return keyEqual && (namespace == null ? (flags & HAS_NAMESPACE) == 0
            : (flags & HAS_NAMESPACE) != 0 && namespace.equals(refs[(e << 1) + 1]));
    }

    // ---- chains: the entries of one instant in registration order

    /** The next entry of the chain, or -1. */
    int next(int e) {
        return (int) data[(e << 2) + 2] - 1;
    }

    private void setNext(int e, int next) {
        int at = (e << 2) + 2;
        data[at] = (data[at] & 0xFFFF_FFFF_0000_0000L) | (next + 1L);
    }

    /** The pending entry of the chain at {@code head} equal to (key, namespace), or -1. */
    int find(int head, Object key, Object namespace) {
        long meta = data[(head << 2) + 3];
        if ((meta & INDEXED) == 0 && (meta & LENGTH_BITS) > SCAN_LIMIT * LENGTH_ONE) {
            index(head);
            meta |= INDEXED;
        }
        if ((meta & INDEXED) != 0) {
            return findIndexed(data[head << 2], key, namespace);
        }
        for (int e = head; e >= 0; e = next(e)) {
            if (matches(e, key, namespace)) {
                return e;
            }
        }
        return -1;
    }

    /** Appends {@code e} (a new entry) to the chain starting at {@code head}. */
    void append(int head, int e) {
        int hb = (head << 2) + 3;
        long meta = data[hb];
        int t = (int) (meta >>> 32);
        setNext(t == 0 ? head : t - 1, e);
        long length = (meta & LENGTH_BITS) + LENGTH_ONE;
        data[hb] = (meta & FLAG_BITS) | (length & LENGTH_BITS) | ((e + 1L) << 32);
        if ((meta & INDEXED) != 0) {
            addToIndex(e);
        }
    }

    /**
     * Puts the live entries of a long chain in the index, the first time it is searched: a chain only
     * ever appended to (per-event timers registered unique, CEP's timeouts sharing one rounded instant)
     * is never indexed, and from here on its appends are.
     */
    private void index(int head) {
        data[(head << 2) + 3] |= INDEXED;
        for (int x = head; x >= 0; x = next(x)) {
            if (!isRemoved(x)) {
                addToIndex(x);
            }
        }
    }

    /** Marks a pending entry of the chain at {@code head} deleted; it stays in the chain, skipped, until the chain fires. */
    void markRemoved(int head, int e) {
        if ((data[(head << 2) + 3] & INDEXED) != 0) {
            removeFromIndex(e);
        }
        data[(e << 2) + 3] |= REMOVED;
    }

    /** The chain is about to fire: its entries stop being pending (out of the index, if they were in it). */
    void detach(int head) {
        if ((data[(head << 2) + 3] & INDEXED) != 0) {
            for (int e = head; e >= 0; e = next(e)) {
                if (!isRemoved(e)) {
                    removeFromIndex(e);
                }
            }
        }
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

    // ---- the index of long chains

    private static int hash(long time, long keyHash, Object namespace) {
        long h = time * 0x9E3779B97F4A7C15L + keyHash;
        h = h * 0xC2B2AE3D27D4EB4FL + (namespace == null ? 0 : namespace.hashCode());
        h ^= h >>> 32;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 29;
        return (int) h;
    }

    private int hashOfKey(long time, Object key, Object namespace) {
        return hash(time, key.hashCode(), namespace);
    }

    private int findIndexed(long time, Object key, Object namespace) {
        int hash = hashOfKey(time, key, namespace);
        int i = hash & indexMask;
        int id;
        while ((id = index[i]) != 0) {
            int e = id - 1;
            if (data[e << 2] == time && hashOf(e) == hash && matches(e, key, namespace)) {
                return e;
            }
            i = (i + 1) & indexMask;
        }
        return -1;
    }

    private int hashOf(int e) {
        return (int) (data[(e << 2) + 2] >>> 32);
    }

    private void addToIndex(int e) {
        int at = (e << 2) + 2;
        int hash = hashOfKey(data[e << 2], key(e), namespace(e));
        data[at] = ((long) hash << 32) | (data[at] & 0xFFFF_FFFFL);
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

    private void removeFromIndex(int e) {
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
