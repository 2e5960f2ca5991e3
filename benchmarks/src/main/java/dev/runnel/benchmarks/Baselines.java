package dev.runnel.benchmarks;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * The hand-written loops every workload is measured against: H0 (the generator alone), H1 (W1's
 * semantics with java.util.HashMap) and H1P (the same with a primitive-keyed Agrona map). The
 * watermark is bounded out-of-orderness 200 ms, updated on every event; a window's sums are
 * emitted once the watermark reaches its last millisecond, as the engine does.
 */
public final class Baselines {
    private static final long WINDOW = 1_000;
    private static final long KEYS = 10_000;
    private static final long BOUND = 200;

    private Baselines() {}

    /** The generator alone; returns a checksum so the JIT cannot drop the work. */
    public static long h0(long n, long seed) {
        EventGenerator g = new EventGenerator(seed);
        long checksum = 0;
        for (long i = 0; i < n; i++) {
            Event e = g.next();
            checksum += e.key ^ e.ts ^ e.type ^ (long) e.amount;
        }
        return checksum;
    }

    /** W1 by hand with java.util.HashMap: per (window, key) sums. Returns the number of results; each goes to {@code out}. */
    public static long h1(long n, long seed, ResultSink out) {
        EventGenerator g = new EventGenerator(seed);
        ArrayDeque<long[]> order = new ArrayDeque<>();          // window starts, oldest first
        HashMap<Long, HashMap<Long, double[]>> windows = new HashMap<>();
        long maxTs = Long.MIN_VALUE;
        long emitted = 0;
        for (long i = 0; i < n; i++) {
            Event e = g.next();
            long start = e.ts - Math.floorMod(e.ts, WINDOW);
            HashMap<Long, double[]> sums = windows.get(start);
            if (sums == null) {
                sums = new HashMap<>();
                windows.put(start, sums);
                insertSorted(order, start);
            }
            long key = e.key % KEYS;
            double[] acc = sums.get(key);
            if (acc == null) {
                sums.put(key, new double[] {e.amount});
            } else {
                acc[0] += e.amount;
            }
            if (e.ts > maxTs) {
                maxTs = e.ts;
                emitted += fireDue(order, windows, maxTs - BOUND - 1, out);
            }
        }
        return emitted + fireDue(order, windows, Long.MAX_VALUE, out);
    }

    private static void insertSorted(ArrayDeque<long[]> order, long start) {
        if (order.isEmpty() || order.peekLast()[0] < start) {
            order.addLast(new long[] {start});
            return;
        }
        // rare: a window older than the newest (disorder spans a window boundary)
        ArrayDeque<long[]> tail = new ArrayDeque<>();
        while (!order.isEmpty() && order.peekLast()[0] > start) {
            tail.addFirst(order.pollLast());
        }
        order.addLast(new long[] {start});
        order.addAll(tail);
    }

    private static long fireDue(ArrayDeque<long[]> order, HashMap<Long, HashMap<Long, double[]>> windows, long watermark, ResultSink out) {
        long n = 0;
        while (!order.isEmpty() && order.peekFirst()[0] + WINDOW - 1 <= watermark) {
            long start = order.pollFirst()[0];
            for (Map.Entry<Long, double[]> r : windows.remove(start).entrySet()) {
                out.accept(r.getKey(), start, start + WINDOW, r.getValue()[0]);
                n++;
            }
        }
        return n;
    }

    /** H1 with Agrona's primitive-keyed maps. */
    public static long h1p(long n, long seed, ResultSink out) {
        EventGenerator g = new EventGenerator(seed);
        Event e = new Event();
        ArrayDeque<long[]> order = new ArrayDeque<>();
        Long2ObjectHashMap<Long2ObjectHashMap<double[]>> windows = new Long2ObjectHashMap<>();
        long maxTs = Long.MIN_VALUE;
        long emitted = 0;
        for (long i = 0; i < n; i++) {
            g.fill(e);
            long start = e.ts - Math.floorMod(e.ts, WINDOW);
            Long2ObjectHashMap<double[]> sums = windows.get(start);
            if (sums == null) {
                sums = new Long2ObjectHashMap<>();
                windows.put(start, sums);
                insertSorted(order, start);
            }
            long key = e.key % KEYS;
            double[] acc = sums.get(key);
            if (acc == null) {
                sums.put(key, new double[] {e.amount});
            } else {
                acc[0] += e.amount;
            }
            if (e.ts > maxTs) {
                maxTs = e.ts;
                long wm = maxTs - BOUND - 1;
                while (!order.isEmpty() && order.peekFirst()[0] + WINDOW - 1 <= wm) {
                    emitted += firePrimitive(windows, order.pollFirst()[0], out);
                }
            }
        }
        while (!order.isEmpty()) {
            emitted += firePrimitive(windows, order.pollFirst()[0], out);
        }
        return emitted;
    }

    private static long firePrimitive(Long2ObjectHashMap<Long2ObjectHashMap<double[]>> windows, long start, ResultSink out) {
        Long2ObjectHashMap<double[]> sums = windows.remove(start);
        long n = 0;
        Long2ObjectHashMap<double[]>.EntryIterator it = sums.entrySet().iterator();
        while (it.hasNext()) {
            it.next();
            out.accept(it.getLongKey(), start, start + WINDOW, it.getValue()[0]);
            n++;
        }
        return n;
    }

    /** Receives one window result. */
    @FunctionalInterface
    public interface ResultSink {
        void accept(long key, long windowStart, long windowEnd, double sum);
    }

    /** Discards results (the timed runs). */
    public static final ResultSink DISCARD = (k, s, e, sum) -> { };
}
