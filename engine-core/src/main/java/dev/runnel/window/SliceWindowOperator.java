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
import java.util.Map;

/**
 * Tumbling and sliding windows with the default trigger and no allowed lateness, computed from
 * shared slices of {@code gcd(size, slide)} (the "panes" of Li et al., "No pane, no gain", 2005;
 * Flink's table runtime slices windows the same way). Each element updates one slice, so the cost
 * per element does not grow with {@code size / slide}; a firing window combines its slices (or,
 * for full-element functions, iterates them in place, so elements are stored once).
 *
 * <p>State is slice-major: each slice holds a map from key to contents, and one timer per window
 * end serves every key, so a window that ends for a million keys costs one timer and one pass over
 * one map — no per-key timers, and per element one hash lookup.
 *
 * <p>With no allowed lateness a window fires exactly once and its state is dropped right away, so
 * per-window state of a process function lives for that one firing and is cleared after it.
 */
public final class SliceWindowOperator<K, IN, C, OUT> extends KeyedOperator<K, IN, OUT> {
    /** Timer key of window ends: the timer fires the window for every key that has slices in it. */
    private static final Object ALL_KEYS = new Object();

    private final long size;
    private final long slide;
    private final long offset;
    private final long sliceSize;
    private final boolean eventTime;
    private final WindowAggregation<IN, C, OUT, K, TimeWindow> aggregation;
    private final boolean keyedFunction;
    private final OutputTag<IN> lateTag;
    /** Live slices by start; the newest is cached because nearly every element lands in it. */
    private final java.util.TreeMap<Long, Slice<K, C>> slices = new java.util.TreeMap<>();
    private Slice<K, C> newest;
    private TimestampedCollector<OUT> collector;
    private KeyedRuntimeContext globalStore;
    private ScopedStateStore windowStore;
    private final FiringContext ctx = new FiringContext();
    private final List<C> firing = new ArrayList<>();

    /** The contents of every key in one slice of time. */
    static final class Slice<K, C> {
        final long start;
        final HashMap<K, C> contents = new HashMap<>();

        Slice(long start) {
            this.start = start;
        }
    }

    public SliceWindowOperator(KeySelector<IN, K> keySelector, SliceableAssigner assigner, boolean eventTime,
                               WindowAggregation<IN, C, OUT, K, TimeWindow> aggregation, OutputTag<IN> lateTag) {
        super(keySelector, false);
        this.size = assigner.size();
        this.slide = assigner.slide();
        this.offset = assigner.offset();
        this.sliceSize = gcd(size, slide);
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
        collector = new TimestampedCollector<>(output);
    }

    @Override
    public void open() throws Exception {
        globalStore = new KeyedRuntimeContext(context, backend);
        WindowStateSlots windowSlots = new WindowStateSlots(context.clock());
        windowSlots.bind(ctx);
        windowStore = new ScopedStateStore(windowSlots, windowSlots);
        aggregation.open(globalStore);
    }

    @Override
    public void close() throws Exception {
        aggregation.close();
    }

    @Override
    protected void processElement(IN value, long timestamp) {
        long t;
        if (eventTime) {
            if (timestamp == NO_TIMESTAMP) {
                throw new IllegalStateException("Operator '" + context.name() + "': record " + value + " has no timestamp; "
                    + "event-time windows need a WatermarkStrategy with a timestamp assigner");
            }
            t = timestamp;
            long lastWindowEnd = TimeWindow.getWindowStartWithOffset(t, offset, slide) + size;
            if (lastWindowEnd - 1 <= currentWatermark) {
                // every window of this element has fired already
                if (lateTag != null) {
                    context.output(lateTag, value, timestamp);
                } else {
                    metrics.lateRecordsDropped++;
                }
                return;
            }
        } else {
            t = context.clock().millis();
        }
        long sliceStart = TimeWindow.getWindowStartWithOffset(t, offset, sliceSize);
        Slice<K, C> slice = newest;
        if (slice == null || slice.start != sliceStart) {
            slice = slices.get(sliceStart);
            if (slice == null) {
                slice = new Slice<>(sliceStart);
                slices.put(sliceStart, slice);
                registerWindowTimers(sliceStart);
            }
            if (newest == null || sliceStart >= newest.start) {
                newest = slice;
            }
        }
        try {
            HashMap<K, C> map = slice.contents;
            C c = map.get(currentKey);
            if (c == null) {
                c = aggregation.add(aggregation.create(), value);
                map.put(currentKey, c);
            } else {
                C next = aggregation.add(c, value);
                if (next != c) {
                    map.put(currentKey, next);
                }
            }
        } catch (Exception e) {
            throw userFailure(e, currentKey, timestamp, value);
        }
    }

    /** One timer per window end holding this slice that has not fired yet; shared by all keys. */
    private void registerWindowTimers(long sliceStart) {
        for (long ws = TimeWindow.getWindowStartWithOffset(sliceStart, offset, slide); ws + size > sliceStart; ws -= slide) {
            long maxTimestamp = ws + size - 1;
            if (eventTime) {
                if (maxTimestamp > currentWatermark) {
                    eventTimers.register(ALL_KEYS, null, maxTimestamp);
                }
            } else {
                processingTimers.register(ALL_KEYS, null, maxTimestamp);
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void onTimer(long time, Object namespace, boolean isEventTimer) {
        long end = time + 1;
        long start = end - size;
        Map<Long, Slice<K, C>> inWindow = slices.subMap(start, true, end, false);
        try {
            if (inWindow.size() == 1) {
                Slice<K, C> only = inWindow.values().iterator().next();
                for (Map.Entry<K, C> e : only.contents.entrySet()) {
                    fire(e.getKey(), start, end, e.getValue(), null);
                }
            } else if (inWindow.size() > 1) {
                fireCombined(inWindow, start, end);
            }
        } catch (Exception e) {
            throw userFailure(e, currentKey, time, "window [" + start + ", " + end + ")");
        }
        // the next window starts one slide later: slices before it are not needed any more
        long keepFrom = start + slide;
        while (!slices.isEmpty() && slices.firstKey() < keepFrom) {
            Slice<K, C> dropped = slices.pollFirstEntry().getValue();
            if (dropped == newest) {
                newest = null;
            }
        }
    }

    /** Sliding windows: per key, the contents of each slice in time order. */
    private void fireCombined(Map<Long, Slice<K, C>> inWindow, long start, long end) throws Exception {
        HashMap<K, List<C>> perKey = new HashMap<>();
        for (Slice<K, C> slice : inWindow.values()) {
            for (Map.Entry<K, C> e : slice.contents.entrySet()) {
                perKey.computeIfAbsent(e.getKey(), k -> new ArrayList<>(4)).add(e.getValue());
            }
        }
        for (Map.Entry<K, List<C>> e : perKey.entrySet()) {
            List<C> parts = e.getValue();
            fire(e.getKey(), start, end, parts.size() == 1 ? parts.get(0) : null, parts.size() == 1 ? null : parts);
        }
    }

    private void fire(K key, long start, long end, C contents, List<C> parts) throws Exception {
        currentKey = key;
        if (keyedFunction) {
            setCurrentKey(key);
        }
        collector.setTimestamp(end - 1);
        ctx.start = start;
        ctx.end = end;
        ctx.window = null;
        ctx.windowSlots = null;
        if (parts == null) {
            aggregation.emit(key, contents, ctx, collector);
        } else {
            aggregation.emitSlices(key, parts, ctx, collector);
        }
        if (keyedFunction) {
            aggregation.clear(key, ctx);
        }
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

        @Override
        public Object[] slots() {
            return windowSlots;
        }

        @Override
        public void slots(Object[] slots) {
            windowSlots = slots;
        }
    }
}
