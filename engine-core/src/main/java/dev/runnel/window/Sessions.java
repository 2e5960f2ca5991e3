package dev.runnel.window;

import java.util.Arrays;

/**
 * One key's open sessions, sorted by start. Sessions never meet each other (they would have
 * merged), so their ends are sorted too and both can be binary-searched.
 */
final class Sessions implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    long[] starts = new long[2];
    long[] ends = new long[2];
    Object[] contents = new Object[2];
    int size;

    /** Index of the last session starting at or before {@code time}, or -1. */
    int lastStartingAtOrBefore(long time) {
        int lo = 0;
        int hi = size - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= time) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Index of the session ending at {@code end}, or -1. */
    int endingAt(long end) {
        int i = Arrays.binarySearch(ends, 0, size, end);
        return i >= 0 ? i : -1;
    }

    /** Replaces sessions {@code [from, to]} (none if {@code from > to}, inserting at {@code from}) by one. */
    void replace(int from, int to, long start, long end, Object value) {
        int removed = to - from + 1;
        if (removed == 0) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                ends = Arrays.copyOf(ends, size * 2);
                contents = Arrays.copyOf(contents, size * 2);
            }
            System.arraycopy(starts, from, starts, from + 1, size - from);
            System.arraycopy(ends, from, ends, from + 1, size - from);
            System.arraycopy(contents, from, contents, from + 1, size - from);
            size++;
        } else if (removed > 1) {
            int tail = size - to - 1;
            System.arraycopy(starts, to + 1, starts, from + 1, tail);
            System.arraycopy(ends, to + 1, ends, from + 1, tail);
            System.arraycopy(contents, to + 1, contents, from + 1, tail);
            size -= removed - 1;
            Arrays.fill(contents, size, size + removed - 1, null);
        }
        starts[from] = start;
        ends[from] = end;
        contents[from] = value;
    }

    void remove(int i) {
        System.arraycopy(starts, i + 1, starts, i, size - i - 1);
        System.arraycopy(ends, i + 1, ends, i, size - i - 1);
        System.arraycopy(contents, i + 1, contents, i, size - i - 1);
        size--;
        contents[size] = null;
    }
}
