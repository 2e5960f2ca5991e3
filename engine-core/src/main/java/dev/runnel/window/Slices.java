package dev.runnel.window;

import dev.runnel.api.windowing.TimeWindow;
import dev.runnel.checkpoint.StateSerializers;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The live slices of a {@link SliceWindowOperator}, by start, and a pool of dropped ones for reuse.
 * The newest slice is cached because nearly every element lands in it.
 *
 * <p>Dropped tables are kept for the next slices: their arrays and index are already grown to the
 * key count. Up to as many as were ever live at once: between two periodic watermarks a fast
 * source opens many slices (1,400 at 7 M events/s, 1 ms per event, 200 ms interval), and a
 * watermark then drops them together; pooling only a few would regrow that many tables every
 * interval.
 *
 * <p>In a checkpoint the slices are written in time order, each with its keys in first-arrival
 * order, which is the order a restored window fires them in.
 */
final class Slices {
    private final TreeMap<Long, SliceTable> byStart = new TreeMap<>();
    private SliceTable newest;
    private final ArrayDeque<SliceTable> pool = new ArrayDeque<>();
    private int mostLive = 4;
    /** The largest capacity a table of these slices needed so far: new tables start with it rather than grow to it. */
    private int capacity = 64;
    private final boolean primitives;

    /**
     * {@code primitives}: hold primitive keys and array accumulators as primitives (see {@link SliceTable}),
     * for slices whose entries are read about once (tumbling windows) rather than once per window they are in.
     */
    Slices(boolean primitives) {
        this.primitives = primitives;
    }

    /** The slice starting at {@code start}, or null if there is none yet. */
    SliceTable get(long start) {
        SliceTable slice = newest;
        if (slice != null && slice.start == start) {
            return slice;
        }
        slice = byStart.get(start);
        if (slice != null) {
            cacheIfNewest(slice);
        }
        return slice;
    }

    /** Opens the slice starting at {@code start}, which must not exist: a pooled table if there is one. */
    SliceTable open(long start) {
        if (newest != null) {
            capacity = Math.max(capacity, newest.capacity());
        }
        SliceTable slice = pool.isEmpty() ? new SliceTable(primitives, capacity) : pool.pop();
        slice.reset(start);
        byStart.put(start, slice);
        mostLive = Math.max(mostLive, byStart.size());
        cacheIfNewest(slice);
        return slice;
    }

    private void cacheIfNewest(SliceTable slice) {
        if (newest == null || slice.start >= newest.start) {
            newest = slice;
        }
    }

    /** The slices starting in {@code [start, end)}, in time order: a view. */
    NavigableMap<Long, SliceTable> between(long start, long end) {
        return byStart.subMap(start, true, end, false);
    }

    int size() {
        return byStart.size();
    }

    /**
     * For monitoring: the (key, window) pairs with contents in these slices, over the windows (of the given
     * size, slide and offset) that {@code held} says are still held. A key counts once per window however
     * many of the window's slices it is in. A racy walk (see {@link dev.runnel.runtime.RacyGauge}).
     */
    long openKeyWindows(long size, long slide, long offset, java.util.function.LongPredicate held) {
        java.util.TreeSet<Long> windowStarts = new java.util.TreeSet<>();
        for (long sliceStart : byStart.keySet()) {
            for (long ws = TimeWindow.getWindowStartWithOffset(sliceStart, offset, slide);
                 ws + size > sliceStart; ws -= slide) {
                windowStarts.add(ws);
            }
        }
        long pairs = 0;
        for (long ws : windowStarts) {
            if (held.test(ws + size - 1)) {
                pairs += distinctKeys(between(ws, ws + size).values().toArray(new SliceTable[0]));
            }
        }
        return pairs;
    }

    /**
     * Keys in any of {@code tables}, each counted once. Only heap memory is read here (counts, and the keys of
     * sliding windows, which are held as objects): this runs on a monitoring thread, and a table's buffer
     * outside the heap may be replaced under it.
     */
    private static long distinctKeys(SliceTable[] tables) {
        if (tables.length == 1) {
            return tables[0].count(); // a tumbling window: no key to read (a primitive one would be boxed)
        }
        java.util.HashSet<Object> keys = new java.util.HashSet<>();
        for (SliceTable table : tables) {
            for (int i = 0, n = table.count(); i < n; i++) {
                keys.add(table.key(i));
            }
        }
        return keys.size();
    }

    /** Drops the slices that start before {@code keepFrom}, pooling their tables. */
    void dropBefore(long keepFrom) {
        while (!byStart.isEmpty() && byStart.firstKey() < keepFrom) {
            SliceTable dropped = byStart.pollFirstEntry().getValue();
            if (dropped == newest) {
                newest = null;
            }
            dropped.release();
            if (pool.size() < mostLive) {
                pool.push(dropped);
            }
        }
    }

    /** Writes every slice: start, then each key and its contents ({@code what} names them in errors). */
    void write(DataOutput out, StateSerializers serializers, String what) throws IOException {
        String keyWhat = what + " (key)";
        out.writeInt(byStart.size());
        for (SliceTable slice : byStart.values()) {
            out.writeLong(slice.start);
            out.writeInt(slice.count());
            for (int i = 0; i < slice.count(); i++) {
                serializers.write(keyWhat, slice.key(i), out);
                WindowCheckpoints.writeContents(slice.contents(i), out, serializers, what);
            }
        }
    }

    /**
     * Reads what {@link #write} wrote, keeping the keys {@code owned} accepts; after a change of
     * parallelism several snapshots are read into the same slices.
     */
    void read(DataInput in, StateSerializers serializers, String what, Predicate<Object> owned) throws IOException {
        String keyWhat = what + " (key)";
        for (int n = in.readInt(); n > 0; n--) {
            long start = in.readLong();
            SliceTable slice = get(start);
            if (slice == null) {
                slice = open(start);
            }
            for (int i = in.readInt(); i > 0; i--) {
                Object key = serializers.read(keyWhat, in);
                Object contents = WindowCheckpoints.readContents(in, serializers, what);
                if (owned.test(key)) {
                    slice.append(key, contents);
                }
            }
        }
    }
}
