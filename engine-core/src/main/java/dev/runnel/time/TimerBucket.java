package dev.runnel.time;

import java.util.Arrays;
import java.util.Objects;

/**
 * All timers due at one instant: (key, namespace) pairs in registration order, de-duplicated.
 * The first pair lives in the bucket itself — most instants have one or two timers, and a bucket
 * that is one object costs one cache miss, not three — and further pairs in one interleaved array.
 * Small buckets de-duplicate by a linear scan; from {@value #INDEX_THRESHOLD} entries on an
 * open-addressing index (int positions, no boxing) keeps registration O(1), so a million keys whose
 * windows end together still cost one bucket.
 */
final class TimerBucket {
    private static final int INDEX_THRESHOLD = 8;
    private static final Object REMOVED = new Object();

    long time;
    private Object key0;
    private Object namespace0;
    /** Entries 1..size-1 as key, namespace, key, namespace, ... */
    private Object[] rest;
    int size;
    int live;
    private int[] index; // position + 1, 0 = empty, -1 = deleted

    Object key(int i) {
        return i == 0 ? key0 : rest[2 * i - 2];
    }

    Object namespace(int i) {
        return i == 0 ? namespace0 : rest[2 * i - 1];
    }

    private void append(Object key, Object namespace) {
        if (size == 0) {
            key0 = key;
            namespace0 = namespace;
        } else {
            int at = 2 * size - 2;
            if (rest == null) {
                rest = new Object[4];
            } else if (at + 1 >= rest.length) {
                rest = Arrays.copyOf(rest, rest.length * 2);
            }
            rest[at] = key;
            rest[at + 1] = namespace;
        }
        size++;
        live++;
    }

    boolean add(Object key, Object namespace) {
        if (find(key, namespace) >= 0) {
            return false;
        }
        append(key, namespace);
        if (index != null) {
            insertIndex(size - 1);
        } else if (size > INDEX_THRESHOLD) {
            rebuildIndex();
        }
        return true;
    }

    /** Appends a timer the caller knows is not registered yet; the de-duplication index is rebuilt lazily. */
    void addUnique(Object key, Object namespace) {
        append(key, namespace);
        index = null;
    }

    boolean remove(Object key, Object namespace) {
        int pos = find(key, namespace);
        if (pos < 0) {
            return false;
        }
        if (index != null) {
            int mask = index.length - 1;
            int i = hash(key, namespace) & mask;
            while (index[i] != pos + 1) {
                i = (i + 1) & mask;
            }
            index[i] = -1;
        }
        if (pos == 0) {
            key0 = REMOVED;
            namespace0 = null;
        } else {
            rest[2 * pos - 2] = REMOVED;
            rest[2 * pos - 1] = null;
        }
        live--;
        return true;
    }

    static boolean isRemoved(Object key) {
        return key == REMOVED;
    }

    void reset() {
        key0 = null;
        namespace0 = null;
        if (rest != null) {
            if (rest.length > 32_768) {
                rest = null;
            } else {
                Arrays.fill(rest, 0, Math.min(rest.length, 2 * size), null);
            }
        }
        size = 0;
        live = 0;
        index = null;
    }

    private int find(Object key, Object namespace) {
        if (index == null && size > INDEX_THRESHOLD) {
            rebuildIndex();
        }
        if (index == null) {
            for (int i = 0; i < size; i++) {
                Object k = key(i);
                if ((k == key || (k != REMOVED && k.equals(key))) && Objects.equals(namespace(i), namespace)) {
                    return i;
                }
            }
            return -1;
        }
        int mask = index.length - 1;
        int i = hash(key, namespace) & mask;
        int slot;
        while ((slot = index[i]) != 0) {
            if (slot > 0) {
                int pos = slot - 1;
                if (key(pos).equals(key) && Objects.equals(namespace(pos), namespace)) {
                    return pos;
                }
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    private void insertIndex(int pos) {
        if ((size + 1) * 2 > index.length) {
            rebuildIndex();
            return;
        }
        int mask = index.length - 1;
        int i = hash(key(pos), namespace(pos)) & mask;
        while (index[i] > 0) {
            i = (i + 1) & mask;
        }
        index[i] = pos + 1;
    }

    private void rebuildIndex() {
        int capacity = Integer.highestOneBit(Math.max(16, size * 4) - 1) << 1;
        index = new int[capacity];
        int mask = capacity - 1;
        for (int pos = 0; pos < size; pos++) {
            Object k = key(pos);
            if (k == REMOVED) {
                continue;
            }
            int i = hash(k, namespace(pos)) & mask;
            while (index[i] != 0) {
                i = (i + 1) & mask;
            }
            index[i] = pos + 1;
        }
    }

    private static int hash(Object key, Object namespace) {
        int h = key.hashCode() * 31 + (namespace == null ? 0 : namespace.hashCode());
        return h ^ (h >>> 16) * 0x9E3779B9;
    }
}
