package dev.runnel.window;

import java.util.Arrays;

/**
 * One key's slices, sorted by start: parallel arrays of slice start and contents. A key rarely
 * holds more than {@code size / slice + 2} slices, and new elements almost always land in the
 * newest slice, so lookups scan from the end.
 */
final class Slices {
    long[] starts = new long[2];
    Object[] contents = new Object[2];
    int size;

    /** Index of the slice starting at {@code start}, or {@code -(insertion point) - 1}. */
    int find(long start) {
        for (int i = size - 1; i >= 0; i--) {
            long s = starts[i];
            if (s == start) {
                return i;
            }
            if (s < start) {
                return -(i + 1) - 1;
            }
        }
        return -1;
    }

    int insert(int at, long start, Object value) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            contents = Arrays.copyOf(contents, size * 2);
        }
        System.arraycopy(starts, at, starts, at + 1, size - at);
        System.arraycopy(contents, at, contents, at + 1, size - at);
        starts[at] = start;
        contents[at] = value;
        size++;
        return at;
    }

    /** Drops every slice starting before {@code start}. */
    void dropBefore(long start) {
        int n = 0;
        while (n < size && starts[n] < start) {
            n++;
        }
        if (n > 0) {
            System.arraycopy(starts, n, starts, 0, size - n);
            System.arraycopy(contents, n, contents, 0, size - n);
            Arrays.fill(contents, size - n, size, null);
            size -= n;
        }
    }
}
