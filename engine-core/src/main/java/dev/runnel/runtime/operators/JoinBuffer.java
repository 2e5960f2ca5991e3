package dev.runnel.runtime.operators;

import java.util.Arrays;

/**
 * One key's buffered elements of one side of an interval join, sorted by timestamp (arrival order
 * among equal timestamps). Flink keeps a {@code MapState<Long, List<BufferEntry>>} and scans every
 * timestamp of the other side for each element; sorted parallel arrays let the join find the range
 * {@code [ts + lower, ts + upper]} by binary search, and cleanup (which by construction always
 * removes the oldest timestamps) drops a prefix. Inputs that are nearly in order append at the end.
 * Stored in keyed state, so checkpoints write it with the key's other state.
 */
final class JoinBuffer implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private long[] timestamps = new long[4];
    private Object[] elements = new Object[4];
    /** Live entries are {@code [head, tail)}. */
    private int head;
    private int tail;

    /** Adds an element; returns whether it is now the earliest one (the buffer was empty or it is older than all). */
    boolean add(Object element, long timestamp) {
        if (tail == timestamps.length) {
            makeRoom();
        }
        int pos = tail;
        if (pos > head && timestamps[pos - 1] > timestamp) {
            pos = firstAfter(timestamp);
            System.arraycopy(timestamps, pos, timestamps, pos + 1, tail - pos);
            System.arraycopy(elements, pos, elements, pos + 1, tail - pos);
        }
        timestamps[pos] = timestamp;
        elements[pos] = element;
        tail++;
        return pos == head;
    }

    /** The earliest timestamp held; only when not {@link #isEmpty()}. */
    long firstTimestamp() {
        return timestamps[head];
    }

    /** Index of the first entry with a timestamp at or after {@code t} ({@link #end()} if none). */
    int firstAtOrAfter(long t) {
        int lo = head;
        int hi = tail;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (timestamps[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int firstAfter(long t) {
        return t == Long.MAX_VALUE ? tail : firstAtOrAfter(t + 1);
    }

    int end() {
        return tail;
    }

    long timestamp(int index) {
        return timestamps[index];
    }

    Object element(int index) {
        return elements[index];
    }

    /** Drops every entry with a timestamp at or before {@code t}. */
    void removeThrough(long t) {
        while (head < tail && timestamps[head] <= t) {
            elements[head++] = null;
        }
        if (head == tail) {
            head = 0;
            tail = 0;
        }
    }

    boolean isEmpty() {
        return head == tail;
    }

    int size() {
        return tail - head;
    }

    private void makeRoom() {
        int size = tail - head;
        if (size <= timestamps.length / 2 && head > 0) {
            System.arraycopy(timestamps, head, timestamps, 0, size);
            System.arraycopy(elements, head, elements, 0, size);
            Arrays.fill(elements, size, tail, null);
        } else {
            long[] ts = new long[timestamps.length * 2];
            Object[] els = new Object[ts.length];
            System.arraycopy(timestamps, head, ts, 0, size);
            System.arraycopy(elements, head, els, 0, size);
            timestamps = ts;
            elements = els;
        }
        head = 0;
        tail = size;
    }
}
