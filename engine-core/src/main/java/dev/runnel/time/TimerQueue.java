package dev.runnel.time;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * Timers of one operator instance in one time domain, grouped by timestamp: a primitive min-heap of
 * distinct timestamps plus one {@link TimerBucket} per timestamp. Timers fire in timestamp order;
 * within one timestamp in registration order. Timers registered while firing (at or before the
 * limit) fire in the same {@link #advance} call. Not thread-safe: one operator thread owns it.
 */
public final class TimerQueue {
    private final Long2ObjectHashMap<TimerBucket> buckets = new Long2ObjectHashMap<>();
    private final ArrayDeque<TimerBucket> pool = new ArrayDeque<>();
    private long[] heap = new long[64];
    private int heapSize;
    private long timerCount;

    /** Registers a timer; returns false if the same (key, namespace, time) is already registered. */
    public boolean register(Object key, Object namespace, long time) {
        TimerBucket bucket = buckets.get(time);
        if (bucket == null) {
            bucket = pool.isEmpty() ? new TimerBucket() : pool.poll();
            bucket.time = time;
            buckets.put(time, bucket);
            push(time);
        }
        boolean added = bucket.add(key, namespace);
        if (added) {
            timerCount++;
        }
        return added;
    }

    public boolean delete(Object key, Object namespace, long time) {
        TimerBucket bucket = buckets.get(time);
        if (bucket != null && bucket.remove(key, namespace)) {
            timerCount--;
            return true;
        }
        return false;
    }

    /** Number of registered timers (not distinct timestamps). */
    public long size() {
        return timerCount;
    }

    public boolean isEmpty() {
        return timerCount == 0;
    }

    /** The earliest registered timestamp, or {@code Long.MAX_VALUE} if there is none. */
    public long nextTime() {
        while (heapSize > 0) {
            TimerBucket b = buckets.get(heap[0]);
            if (b != null && b.live > 0) {
                return heap[0];
            }
            if (b != null) {
                buckets.remove(heap[0]);
                recycle(b);
            }
            pop();
        }
        return Long.MAX_VALUE;
    }

    /** The latest registered timestamp, or {@code Long.MIN_VALUE} if there is none. O(distinct timestamps). */
    public long maxTime() {
        long max = Long.MIN_VALUE;
        for (int i = 0; i < heapSize; i++) {
            TimerBucket b = buckets.get(heap[i]);
            if (b != null && b.live > 0 && heap[i] > max) {
                max = heap[i];
            }
        }
        return max;
    }

    /** Fires every timer with time at or before {@code limit}; returns how many fired. */
    public int advance(long limit, TimerHandler handler) {
        int fired = 0;
        while (heapSize > 0 && heap[0] <= limit) {
            long time = pop();
            TimerBucket bucket = buckets.remove(time);
            if (bucket == null) {
                continue;
            }
            // the bucket is detached before firing, so timers registered for this same instant during
            // the callbacks land in a fresh bucket that this loop picks up next
            for (int i = 0; i < bucket.size; i++) {
                Object key = bucket.keys[i];
                if (TimerBucket.isRemoved(key)) {
                    continue;
                }
                timerCount--;
                fired++;
                handler.onTimer(key, bucket.namespaces[i], time);
            }
            recycle(bucket);
        }
        return fired;
    }

    private void recycle(TimerBucket bucket) {
        bucket.reset();
        if (pool.size() < 256) {
            pool.push(bucket);
        }
    }

    private void push(long time) {
        if (heapSize == heap.length) {
            heap = Arrays.copyOf(heap, heapSize * 2);
        }
        int i = heapSize++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            long p = heap[parent];
            if (p <= time) {
                break;
            }
            heap[i] = p;
            i = parent;
        }
        heap[i] = time;
    }

    private long pop() {
        long top = heap[0];
        long last = heap[--heapSize];
        int i = 0;
        int half = heapSize >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            long c = heap[child];
            int right = child + 1;
            if (right < heapSize && heap[right] < c) {
                child = right;
                c = heap[right];
            }
            if (last <= c) {
                break;
            }
            heap[i] = c;
            i = child;
        }
        if (heapSize > 0) {
            heap[i] = last;
        }
        return top;
    }
}
