package dev.runnel.time;

import java.util.Arrays;

/**
 * Open-addressing map from timestamp to {@link TimerBucket}, specialised for the timer queue: keys
 * are dense runs of timestamps inserted and removed in a sliding window, which under a weak hash
 * form long clusters. A 64-bit finaliser (from MurmurHash3) spreads them, and deletion shifts the
 * following entries back (Knuth's algorithm R) so no tombstones accumulate.
 */
final class LongBucketMap {
    private long[] keys = new long[64];
    private TimerBucket[] values = new TimerBucket[64];
    private int size;
    private int mask = 63;

    private static int slot(long key, int mask) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) h & mask;
    }

    TimerBucket get(long key) {
        int i = slot(key, mask);
        TimerBucket v;
        while ((v = values[i]) != null) {
            if (keys[i] == key) {
                return v;
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    void put(long key, TimerBucket value) {
        if ((size + 1) * 2 > values.length) {
            grow();
        }
        int i = slot(key, mask);
        while (values[i] != null) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        size++;
    }

    TimerBucket remove(long key) {
        int i = slot(key, mask);
        TimerBucket v;
        while ((v = values[i]) != null) {
            if (keys[i] == key) {
                deleteAt(i);
                size--;
                return v;
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    private void deleteAt(int hole) {
        int i = hole;
        while (true) {
            i = (i + 1) & mask;
            if (values[i] == null) {
                break;
            }
            int home = slot(keys[i], mask);
            // move the entry back if its home slot is not in the cyclic range (hole, i]
            boolean movable = hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
            if (movable) {
                keys[hole] = keys[i];
                values[hole] = values[i];
                hole = i;
            }
        }
        values[hole] = null;
    }

    private void grow() {
        long[] oldKeys = keys;
        TimerBucket[] oldValues = values;
        int capacity = oldValues.length * 2;
        keys = new long[capacity];
        values = new TimerBucket[capacity];
        mask = capacity - 1;
        size = 0;
        for (int i = 0; i < oldValues.length; i++) {
            if (oldValues[i] != null) {
                put(oldKeys[i], oldValues[i]);
            }
        }
        Arrays.fill(oldValues, null);
    }
}
