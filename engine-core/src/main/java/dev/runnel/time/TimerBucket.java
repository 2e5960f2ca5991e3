package dev.runnel.time;

import java.util.Arrays;
import java.util.Objects;

/**
 * All timers due at one instant: (key, namespace) pairs in registration order, de-duplicated.
 * Small buckets de-duplicate by a linear scan; from {@value #INDEX_THRESHOLD} entries on an
 * open-addressing index (int positions, no boxing) keeps registration O(1), so a million keys whose
 * windows end together still cost one heap entry and one bucket.
 */
final class TimerBucket {
    private static final int INDEX_THRESHOLD = 8;
    private static final Object REMOVED = new Object();

    long time;
    Object[] keys = new Object[2];
    Object[] namespaces = new Object[2];
    int size;
    int live;
    private int[] index; // position + 1, 0 = empty, -1 = deleted

    boolean add(Object key, Object namespace) {
        if (find(key, namespace) >= 0) {
            return false;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            namespaces = Arrays.copyOf(namespaces, size * 2);
        }
        keys[size] = key;
        namespaces[size] = namespace;
        size++;
        live++;
        if (index != null) {
            insertIndex(size - 1);
        } else if (size > INDEX_THRESHOLD) {
            rebuildIndex();
        }
        return true;
    }

    /** Appends a timer the caller knows is not registered yet; the de-duplication index is rebuilt lazily. */
    void addUnique(Object key, Object namespace) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            namespaces = Arrays.copyOf(namespaces, size * 2);
        }
        keys[size] = key;
        namespaces[size] = namespace;
        size++;
        live++;
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
        keys[pos] = REMOVED;
        namespaces[pos] = null;
        live--;
        return true;
    }

    static boolean isRemoved(Object key) {
        return key == REMOVED;
    }

    void reset() {
        if (size > 16_384) {
            keys = new Object[2];
            namespaces = new Object[2];
        } else {
            Arrays.fill(keys, 0, size, null);
            Arrays.fill(namespaces, 0, size, null);
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
                Object k = keys[i];
                if ((k == key || (k != REMOVED && k.equals(key))) && (namespaces[i] == namespace || Objects.equals(namespaces[i], namespace))) {
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
                if (keys[pos].equals(key) && Objects.equals(namespaces[pos], namespace)) {
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
        int i = hash(keys[pos], namespaces[pos]) & mask;
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
            if (keys[pos] == REMOVED) {
                continue;
            }
            int i = hash(keys[pos], namespaces[pos]) & mask;
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
