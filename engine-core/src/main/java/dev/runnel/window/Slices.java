package dev.runnel.window;

/**
 * One key's slices in start order, as a ring buffer: new elements almost always land in the newest
 * slice (found by scanning from the tail), and slices leave from the head when their last window
 * fires — both O(1), however many windows are pending while the watermark lags.
 */
final class Slices {
    private long[] starts = new long[4];
    private Object[] contents = new Object[4];
    private int head;
    private int size;
    /** A window-end timer registered by a firing for the next window (Long.MIN_VALUE if none), so slices do not register it again. */
    long chainedTimer = Long.MIN_VALUE;

    int size() {
        return size;
    }

    long start(int i) {
        return starts[(head + i) & (starts.length - 1)];
    }

    Object contents(int i) {
        return contents[(head + i) & (starts.length - 1)];
    }

    void contents(int i, Object value) {
        contents[(head + i) & (starts.length - 1)] = value;
    }

    /** Index of the slice starting at {@code start}, or {@code -(insertion point) - 1}. */
    int find(long start) {
        for (int i = size - 1; i >= 0; i--) {
            long s = start(i);
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
            grow();
        }
        int mask = starts.length - 1;
        // shift the tail part one slot to the right (usually nothing: new slices are the newest)
        for (int i = size; i > at; i--) {
            int to = (head + i) & mask;
            int from = (head + i - 1) & mask;
            starts[to] = starts[from];
            contents[to] = contents[from];
        }
        int slot = (head + at) & mask;
        starts[slot] = start;
        contents[slot] = value;
        size++;
        return at;
    }

    /** Drops every slice starting before {@code start}. */
    void dropBefore(long start) {
        int mask = starts.length - 1;
        while (size > 0 && starts[head] < start) {
            contents[head] = null;
            head = (head + 1) & mask;
            size--;
        }
    }

    private void grow() {
        int n = starts.length;
        long[] s = new long[n * 2];
        Object[] c = new Object[n * 2];
        for (int i = 0; i < size; i++) {
            s[i] = starts[(head + i) & (n - 1)];
            c[i] = contents[(head + i) & (n - 1)];
        }
        starts = s;
        contents = c;
        head = 0;
    }
}
