package dev.runnel.window;

import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.functions.KeyedStateStore;
import dev.runnel.api.windowing.SliceableAssigner;
import dev.runnel.api.windowing.TimeWindow;
import dev.runnel.runtime.KeyedOperator;
import dev.runnel.runtime.OperatorContext;
import dev.runnel.runtime.Output;
import dev.runnel.runtime.operators.TimestampedCollector;
import dev.runnel.state.KeyedRuntimeContext;
import dev.runnel.state.ScopedStateStore;
import dev.runnel.state.WindowStateSlots;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.NavigableMap;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * Tumbling and sliding windows with the default trigger (and any allowed lateness), computed from
 * shared slices of {@code gcd(size, slide)} (the "panes" of Li et al., "No pane, no gain", 2005;
 * Flink's table runtime slices windows the same way). Each element updates one slice, so the cost
 * per element does not grow with {@code size / slide}; a firing window combines its slices (or,
 * for full-element functions, iterates them in place, so elements are stored once).
 *
 * <p>State is slice-major: each slice holds a {@link SliceTable} of every key's contents, and one
 * timer per window end serves every key, so a window that ends for a million keys costs one timer
 * and one pass over plain arrays — no per-key timers, and per element one primitive-index lookup.
 * Keys fire in first-arrival order within a slice. Tumbling windows hold {@code Long} and {@code Integer}
 * keys and array accumulators as primitives, so that nothing per entry survives the young collections
 * between two watermarks; sliding windows read each entry once per window it is in, and keep objects.
 *
 * <p>With no allowed lateness a window fires exactly once and its slices are dropped right away, so
 * per-window state of a process function lives for that one firing and is cleared after it. With
 * allowed lateness the slices stay until a cleanup timer at {@code maxTimestamp + lateness} (one per
 * window end, for all keys); an element within lateness re-fires its fired windows at once for its
 * key, and per-window state is kept by window and key until cleanup.
 */
public final class SliceWindowOperator<K, IN, C, OUT> extends KeyedOperator<K, IN, OUT> {
    /** Timer key of window ends: the timer fires the window for every key that has slices in it. */
    private static final Object ALL_KEYS = new Object();
    /** Created in setup, not open: a restore reserves the checkpoint's slot names before the operator opens. */
    private WindowStateSlots windowSlots;

    private final long size;
    private final long slide;
    private final long offset;
    private final long sliceSize;
    private final boolean eventTime;
    private final WindowAggregation<IN, C, OUT, K, TimeWindow> aggregation;
    private final boolean keyedFunction;
    private final OutputTag<IN> lateTag;
    /** Event time only; 0 on processing time. Windows are kept (and re-fire for late elements) until maxTimestamp + this. */
    private final long allowedLateness;
    /** With allowed lateness, per-window state of process functions by window end and key, kept until cleanup. */
    private final Long2ObjectHashMap<HashMap<Object, Object[]>> windowStates =
        new Long2ObjectHashMap<>();
    /** True while a pass over a window's keys clears their window state (end of lateness) instead of emitting. */
    private boolean clearing;
    private final ArrayList<C> lateParts = new ArrayList<>(4);
    /** Live slices by start (the newest cached), and dropped tables pooled for reuse. */
    private final Slices slices;
    private TimestampedCollector<OUT> collector;
    private KeyedRuntimeContext globalStore;
    private ScopedStateStore windowStore;
    private final FiringContext ctx = new FiringContext();
    /** Scratch space of sliding-window firings: the window's entries grouped by key. */
    private final SliceKeyGroups keyGroups = new SliceKeyGroups();

    public SliceWindowOperator(KeySelector<IN, K> keySelector, SliceableAssigner assigner, boolean eventTime,
                               WindowAggregation<IN, C, OUT, K, TimeWindow> aggregation, long allowedLateness,
                               OutputTag<IN> lateTag) {
        super(keySelector, false);
        this.allowedLateness = eventTime ? allowedLateness : 0;
        this.size = assigner.size();
        this.slide = assigner.slide();
        this.offset = assigner.offset();
        this.sliceSize = gcd(size, slide);
        this.slices = new Slices(size == slide);
        this.eventTime = eventTime;
        this.aggregation = aggregation;
        this.keyedFunction = aggregation.usesKeyContext();
        this.lateTag = lateTag;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }

    @Override
    public void setup(OperatorContext context, Output<OUT> output) {
        super.setup(context, output);
        registerWindowGauges(() -> slices.openKeyWindows(size, slide, offset, this::stillHeld));
        collector = new TimestampedCollector<>(output);
        windowSlots = new WindowStateSlots(context.clock());
    }

    @Override
    public void open() throws Exception {
        globalStore = new KeyedRuntimeContext(context, backend);
        windowSlots.bind(ctx);
        windowStore = new ScopedStateStore(windowSlots, windowSlots);
        aggregation.open(globalStore);
    }

    @Override
    public void close() throws Exception {
        aggregation.close();
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void processElement(IN value, long timestamp) {
        long t;
        if (eventTime) {
            if (timestamp == NO_TIMESTAMP) {
                throw new IllegalStateException("Operator '" + context.name() + "': record " + value + " has no timestamp; "
                    + "event-time windows need a WatermarkStrategy with a timestamp assigner");
            }
            t = timestamp;
            long lastWindowEnd = TimeWindow.getWindowStartWithOffset(t, offset, slide) + size;
            if (t >= lastWindowEnd) {
                // in a gap between windows (size < slide): no window takes it; as in Flink it counts as
                // late only if it is behind the watermark by more than the allowed lateness
                if (cleanupTime(t) <= currentWatermark) {
                    late(value, timestamp);
                }
                return;
            }
            if (cleanupTime(lastWindowEnd - 1) <= currentWatermark) {
                late(value, timestamp); // every window of this element is past its allowed lateness
                return;
            }
        } else {
            t = context.clock().millis();
        }
        long sliceStart = TimeWindow.getWindowStartWithOffset(t, offset, sliceSize);
        SliceTable slice = slices.get(sliceStart);
        if (slice == null) {
            slice = slices.open(sliceStart);
            registerWindowTimers(sliceStart);
        }
        try {
            int at = slice.find(currentKey);
            if (at < 0) {
                slice.append(currentKey, aggregation.add(aggregation.create(), value));
            } else {
                slice.setContents(at, aggregation.add((C) slice.contents(at), value));
            }
            // the window of t that ends first is the smallest window end (aligned to offset + size) after t
            if (allowedLateness > 0 && TimeWindow.getWindowStartWithOffset(t, offset + size, slide) + slide - 1 <= currentWatermark) {
                fireLateWindows(t);
            }
        } catch (Exception e) {
            throw userFailure(e, currentKey, timestamp, value);
        }
    }

    private void late(IN value, long timestamp) {
        context.lateRecord(lateTag, value, timestamp);
    }

    /** {@code maxTimestamp + allowedLateness}, saturating. */
    private long cleanupTime(long maxTimestamp) {
        return Lateness.cleanupTime(maxTimestamp, allowedLateness);
    }

    /**
     * A late element within allowed lateness: each of its windows that fired already and is not yet
     * cleaned up fires again at once for this key, with the full updated result (a late firing; a
     * window that never had this key's elements fires here for the first time).
     */
    private void fireLateWindows(long t) throws Exception {
        // latest window first, the order in which Flink's sliding assigner lists (and so re-fires) them
        for (long ws = TimeWindow.getWindowStartWithOffset(t, offset, slide); ws > t - size; ws -= slide) {
            long maxTimestamp = ws + size - 1;
            if (maxTimestamp > currentWatermark) {
                continue; // still open: it fires when the watermark gets there
            }
            if (cleanupTime(maxTimestamp) <= currentWatermark) {
                break; // cleaned up, and so are all earlier ones
            }
            lateParts.clear();
            for (SliceTable s : slices.between(ws, ws + size).values()) {
                int at = s.find(currentKey);
                if (at >= 0) {
                    lateParts.add((C) s.contents(at));
                }
            }
            if (!lateParts.isEmpty()) {
                visit(currentKey, ws, ws + size, lateParts.size() == 1 ? lateParts.get(0) : null,
                    lateParts.size() == 1 ? null : lateParts);
            }
        }
        lateParts.clear();
    }

    /**
     * One timer per window end holding this slice that has not fired yet, shared by all keys; with
     * allowed lateness also one cleanup timer per window, whose namespace is the window end.
     */
    private void registerWindowTimers(long sliceStart) {
        for (long ws = TimeWindow.getWindowStartWithOffset(sliceStart, offset, slide); ws + size > sliceStart; ws -= slide) {
            long maxTimestamp = ws + size - 1;
            if (eventTime) {
                if (maxTimestamp > currentWatermark) {
                    eventTimers.register(ALL_KEYS, null, maxTimestamp);
                }
                if (allowedLateness > 0 && cleanupTime(maxTimestamp) > currentWatermark) {
                    eventTimers.register(ALL_KEYS, ws + size, cleanupTime(maxTimestamp));
                }
            } else {
                processingTimers.register(ALL_KEYS, null, maxTimestamp);
            }
        }
    }

    @Override
    protected void onTimer(long time, Object namespace, boolean isEventTimer) {
        if (namespace instanceof Long windowEnd) {
            // end of allowed lateness: per-window state goes, and slices no later window needs
            if (keyedFunction) {
                clearing = true;
                try {
                    visitWindow(windowEnd - size, windowEnd, time);
                } finally {
                    clearing = false;
                }
            }
            windowStates.remove((long) windowEnd);
            slices.dropBefore(windowEnd - size + slide);
            return;
        }
        long end = time + 1;
        long start = end - size;
        visitWindow(start, end, time);
        if (allowedLateness == 0) {
            slices.dropBefore(start + slide); // the next window starts one slide later
        }
    }

    /** Visits (fires, or clears) window {@code [start, end)} for every key with contents in it. */
    @SuppressWarnings("unchecked")
    private void visitWindow(long start, long end, long time) {
        try {
            if (size == slide) {
                // a tumbling window is one slice: one look-up, where a view of the range walks the tree several times
                SliceTable only = slices.get(start);
                if (only != null) {
                    visitSlice(only, start, end);
                }
                return;
            }
            NavigableMap<Long, SliceTable> inWindow = slices.between(start, end);
            int n = inWindow.size();
            if (n == 1) {
                visitSlice(inWindow.firstEntry().getValue(), start, end);
            } else if (n > 1) {
                visitCombined(inWindow.values().toArray(new SliceTable[0]), start, end);
            }
        } catch (Exception e) {
            throw userFailure(e, currentKey, time, "window [" + start + ", " + end + ")");
        }
    }

    /**
     * A Long key is boxed here with {@code new}: the JIT can then leave the box unallocated when the
     * window function ignores the key (W1's aggregate). {@code Long.valueOf} may return a cached box,
     * and {@code key(i)} chooses between box types; either result kept the allocation (a sixth of
     * what W1 allocated per result).
     */
    @SuppressWarnings({"unchecked", "removal", "deprecation"})
    private void visitSlice(SliceTable only, long start, long end) throws Exception {
        boolean longKeys = only.longKeys();
        for (int i = 0, n = only.count(); i < n; i++) {
            try {
                K key = longKeys ? (K) new Long(only.longKey(i)) : (K) only.key(i);
                visit(key, start, end, (C) only.contents(i), null);
            } catch (Exception | Error e) {
                currentKey = (K) only.key(i); // for the error message; storing key itself would make it escape
                throw e;
            }
        }
    }

    /**
     * Sliding windows: each key once, with its contents from each slice in time order, keys in
     * first-arrival order ({@link SliceKeyGroups} does the grouping without allocating).
     */
    @SuppressWarnings("unchecked")
    private void visitCombined(SliceTable[] inWindow, long start, long end) throws Exception {
        SliceKeyGroups groups = keyGroups;
        int n = groups.group(inWindow);
        try {
            int from = 0;
            for (int g = 0; g < n; g++) {
                int to = groups.end(g);
                try {
                    if (to - from == 1) {
                        visit((K) groups.key(g), start, end, (C) groups.part(from), null);
                    } else {
                        visit((K) groups.key(g), start, end, null, (List<C>) (List<?>) groups.parts(from, to));
                    }
                } catch (Exception | Error e) {
                    currentKey = (K) groups.key(g);
                    throw e;
                }
                from = to;
            }
        } finally {
            groups.clear();
        }
    }

    /** Emits one key's result for a window, or clears its window state when {@link #clearing}. */
    private void visit(K key, long start, long end, C contents, List<C> parts) throws Exception {
        // the current key is set only for functions that use it: otherwise the key is not stored, so
        // when the function is inlined the box of a primitive key need not be allocated (callers set
        // the current key for error messages when the function throws)
        if (keyedFunction) {
            setCurrentKey(key);
        }
        ctx.start = start;
        ctx.end = end;
        ctx.window = null;
        ctx.windowSlots = null;
        if (clearing) {
            aggregation.clear(key, ctx);
            return;
        }
        collector.setTimestamp(end - 1);
        if (parts == null) {
            aggregation.emit(key, contents, ctx, collector);
        } else {
            aggregation.emitSlices(key, parts, ctx, collector);
        }
        if (keyedFunction && allowedLateness == 0) {
            aggregation.clear(key, ctx); // fires exactly once: its window state ends here
        }
    }

    // ---- checkpoints: slices in key order (firing order depends on it), per-window state with
    // lateness, and the window timers, which all have the shared key ALL_KEYS and so are written
    // without it (and kept by every subtask after a change of parallelism)

    @Override
    public boolean supportsCheckpoints() {
        return true;
    }

    @Override
    public void snapshotState(java.io.DataOutput out, dev.runnel.checkpoint.StateSerializers serializers) throws java.io.IOException {
        super.snapshotState(out, serializers);
        slices.write(out, serializers, context.name() + " window contents");
        WindowCheckpoints.writeNames(out, windowSlots.names());
        WindowCheckpoints.writeWindowStates(windowStates, out, serializers, context.name() + " window state");
        out.writeLong(metrics.lateRecordsDropped);
    }

    @Override
    public void restoreState(java.io.DataInput in, dev.runnel.checkpoint.StateSerializers serializers) throws java.io.IOException {
        super.restoreState(in, serializers);
        slices.read(in, serializers, context.name() + " window contents", this::ownsKey);
        WindowCheckpoints.reserveNames(in, windowSlots, context.name());
        WindowCheckpoints.readWindowStates(windowStates, in, serializers, context.name() + " window state", this::ownsKey);
        metrics.lateRecordsDropped += in.readLong();
    }

    @Override
    protected void snapshotTimers(java.io.DataOutput out, dev.runnel.checkpoint.StateSerializers serializers) throws java.io.IOException {
        WindowCheckpoints.writeSharedTimers(eventTimers, out);
        WindowCheckpoints.writeSharedTimers(processingTimers, out);
    }

    @Override
    protected void restoreTimers(java.io.DataInput in, dev.runnel.checkpoint.StateSerializers serializers) throws java.io.IOException {
        WindowCheckpoints.readSharedTimers(eventTimers, ALL_KEYS, in);
        WindowCheckpoints.readSharedTimers(processingTimers, ALL_KEYS, in);
    }

    /**
     * Whether the window ending at {@code maxTimestamp} still holds its contents (for monitoring): in event time
     * until its allowed lateness has passed; in processing time until its timer has fired, and windows fire in
     * order of their ends.
     */
    private boolean stillHeld(long maxTimestamp) {
        if (eventTime) {
            return cleanupTime(maxTimestamp) > currentWatermark;
        }
        long earliest = processingTimers.earliestTimeForMonitoring();
        return earliest != Long.MIN_VALUE && maxTimestamp >= earliest;
    }

    /** Number of slices held (for tests and monitoring): state this operator has not dropped yet. */
    int liveSlices() {
        return slices.size();
    }

    /** Window-function context of the window being fired; its per-window state lives for this firing. */
    private final class FiringContext implements WindowFunctionContext<TimeWindow>, WindowStateSlots.Holder {
        long start;
        long end;
        TimeWindow window;
        Object[] windowSlots;

        /** Created on demand: aggregations without a window function never ask for it. */
        @Override
        public TimeWindow window() {
            if (window == null) {
                window = new TimeWindow(start, end);
            }
            return window;
        }

        @Override
        public long currentProcessingTime() {
            return context.clock().millis();
        }

        @Override
        public long currentWatermark() {
            return currentWatermark;
        }

        @Override
        public KeyedStateStore windowState() {
            return windowStore;
        }

        @Override
        public KeyedStateStore globalState() {
            return globalStore;
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            context.output(tag, value, end - 1);
        }

        /** Without lateness a window fires once, so its state lives in this one firing; with lateness it is kept by window and key. */
        @Override
        public Object[] slots() {
            if (allowedLateness == 0) {
                return windowSlots;
            }
            HashMap<Object, Object[]> byKey = windowStates.get(end);
            return byKey == null ? null : byKey.get(currentKey);
        }

        @Override
        public void slots(Object[] slots) {
            if (allowedLateness == 0) {
                windowSlots = slots;
            } else {
                windowStates.computeIfAbsent(end, e -> new HashMap<>()).put(currentKey, slots);
            }
        }
    }
}
