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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Tumbling and sliding windows with the default trigger and no allowed lateness, stored slice-major:
 * time is cut into slices of {@code gcd(size, slide)} (the panes of Li et al., "No pane, no gain",
 * 2005), and each live slice holds one table of all keys' contents ({@link SliceTable}). An element
 * updates one entry of one slice, so its cost does not grow with {@code size / slide}, and full
 * element lists are kept once, however many windows overlap them.
 *
 * <p>Windows of all keys end together, so no per-key timers are needed: when the watermark (or
 * processing time) reaches a window's {@code maxTimestamp}, the operator walks the window's slices
 * and emits one result per key present in any of them, in slice and then first-arrival order. A
 * slice is dropped, and its table reused, once the last window containing it has fired.
 *
 * <p>Lateness (none allowed on this path): an element is late when every window it belongs to has
 * {@code maxTimestamp <= watermark}. Windows that ended while the key had no data never fire, and
 * an element arriving afterwards contributes only to its windows that are still open.
 */
public final class SliceTableWindowOperator<K, IN, C, OUT> extends KeyedOperator<K, IN, OUT> {
    private final long size;
    private final long slide;
    private final long offset;
    private final long sliceSize;
    private final boolean eventTime;
    private final WindowAggregation<IN, C, OUT, K, TimeWindow> aggregation;
    private final OutputTag<IN> lateTag;

    /** Live slices in start order. */
    private SliceTable[] slices = new SliceTable[8];
    private int sliceCount;
    private SliceTable lastHit;
    private final ArrayDeque<SliceTable> pool = new ArrayDeque<>();
    /** End of the latest window that has fired or closed; windows ending at or before it never fire again. */
    private long doneEnd = Long.MIN_VALUE;
    /** Processing time up to which windows have fired (processing-time mode). */
    private long firedProcessingTime = Long.MIN_VALUE;

    private TimestampedCollector<OUT> collector;
    private KeyedRuntimeContext globalStore;
    private ScopedStateStore windowStore;
    private final FiringContext ctx = new FiringContext();
    private final List<C> firing = new ArrayList<>();

    public SliceTableWindowOperator(KeySelector<IN, K> keySelector, SliceableAssigner assigner, boolean eventTime,
                                    WindowAggregation<IN, C, OUT, K, TimeWindow> aggregation, OutputTag<IN> lateTag) {
        super(keySelector);
        this.size = assigner.size();
        this.slide = assigner.slide();
        this.offset = assigner.offset();
        this.sliceSize = gcd(size, slide);
        this.eventTime = eventTime;
        this.aggregation = aggregation;
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
            if (lastWindowEnd - 1 <= currentWatermark) {
                late(value, timestamp);
                return;
            }
        } else {
            // an element seen after its instant's windows fired belongs to the next instant
            t = Math.max(context.clock().millis(), firedProcessingTime + 1);
        }
        long sliceStart = TimeWindow.getWindowStartWithOffset(t, offset, sliceSize);
        SliceTable s = lastHit;
        if (s == null || s.start != sliceStart) {
            s = slice(sliceStart);
            lastHit = s;
        }
        Object key = currentKey;
        try {
            int i = s.find(key);
            if (i < 0) {
                i = s.append(key, aggregation.create());
            }
            s.contents[i] = aggregation.add((C) s.contents[i], value);
        } catch (Exception e) {
            throw userFailure(e, currentKey, timestamp, value);
        }
    }

    private void late(IN value, long timestamp) {
        if (lateTag != null) {
            context.output(lateTag, value, timestamp);
        } else {
            metrics.lateRecordsDropped++;
        }
    }

    /** The live slice starting at {@code start}, created in order if missing. */
    private SliceTable slice(long start) {
        int at = sliceCount;
        while (at > 0 && slices[at - 1].start >= start) {
            if (slices[at - 1].start == start) {
                return slices[at - 1];
            }
            at--;
        }
        if (sliceCount == slices.length) {
            slices = java.util.Arrays.copyOf(slices, sliceCount * 2);
        }
        System.arraycopy(slices, at, slices, at + 1, sliceCount - at);
        SliceTable s = pool.isEmpty() ? new SliceTable() : pool.pop();
        s.reset(start);
        slices[at] = s;
        sliceCount++;
        return s;
    }

    @Override
    protected void onWatermark(long watermark) {
        super.onWatermark(watermark);
        if (eventTime) {
            fireUpTo(watermark);
        }
    }

    @Override
    protected void onProcessingTime(long now) {
        super.onProcessingTime(now);
        if (!eventTime && now > firedProcessingTime) {
            firedProcessingTime = now;
            fireUpTo(now);
        }
    }

    /** DESIGN.md: pending processing-time windows fire at end of input (event-time ones fired with the final watermark). */
    @Override
    protected void onEndOfInput() {
        super.onEndOfInput();
        if (!eventTime) {
            fireUpTo(Long.MAX_VALUE);
        }
    }

    /** Fires, in end order, every window with data whose {@code maxTimestamp <= limit}. */
    private void fireUpTo(long limit) {
        while (sliceCount > 0) {
            // the first window holding the oldest slice that has not fired yet
            long end = TimeWindow.getWindowStartWithOffset(slices[0].start, offset + size, slide) + slide;
            if (doneEnd != Long.MIN_VALUE && end <= doneEnd) {
                end = doneEnd + slide;
            }
            if (end - 1 > limit) {
                break;
            }
            fire(end - size, end);
            doneEnd = end;
            dropSlicesBefore(end - size + slide);
        }
        if (limit != Long.MAX_VALUE) {
            // windows that ended without data are closed too: later elements must not reopen them
            long closed = TimeWindow.getWindowStartWithOffset(limit + 1, offset + size, slide);
            if (doneEnd == Long.MIN_VALUE || closed > doneEnd) {
                doneEnd = closed;
            }
        }
    }

    /** Emits window {@code [start, end)} for every key with data in one of its slices. */
    @SuppressWarnings("unchecked")
    private void fire(long start, long end) {
        int first = 0;
        while (first < sliceCount && slices[first].start < start) {
            first++;
        }
        int last = first;
        while (last < sliceCount && slices[last].start < end) {
            last++;
        }
        if (first == last) {
            return;
        }
        collector.setTimestamp(end - 1);
        ctx.start = start;
        ctx.end = end;
        ctx.window = null;
        for (int j = first; j < last; j++) {
            SliceTable s = slices[j];
            Object[] keys = s.keys;
            Object[] contents = s.contents;
            for (int i = 0, n = s.count; i < n; i++) {
                Object key = keys[i];
                if (seenInEarlierSlice(key, first, j)) {
                    continue; // emitted with the earlier slice
                }
                if (j + 1 == last) {
                    emit((K) key, (C) contents[i], null);
                } else {
                    firing.clear();
                    firing.add((C) contents[i]);
                    for (int m = j + 1; m < last; m++) {
                        int at = slices[m].find(key);
                        if (at >= 0) {
                            firing.add((C) slices[m].contents[at]);
                        }
                    }
                    emit((K) key, null, firing);
                }
            }
        }
        firing.clear();
    }

    private boolean seenInEarlierSlice(Object key, int from, int to) {
        for (int m = from; m < to; m++) {
            if (slices[m].find(key) >= 0) {
                return true;
            }
        }
        return false;
    }

    private void emit(K key, C single, List<C> several) {
        setCurrentKey(key);
        ctx.windowSlots = null; // per-window state lives for this one firing
        try {
            if (several == null || several.size() == 1) {
                aggregation.emit(key, several == null ? single : several.get(0), ctx, collector);
            } else {
                aggregation.emitSlices(key, several, ctx, collector);
            }
            aggregation.clear(key, ctx);
        } catch (Exception e) {
            throw userFailure(e, key, ctx.end - 1, "window [" + ctx.start + ", " + ctx.end + ")");
        }
    }

    private void dropSlicesBefore(long start) {
        int n = 0;
        while (n < sliceCount && slices[n].start < start) {
            SliceTable s = slices[n];
            if (s == lastHit) {
                lastHit = null;
            }
            s.reset(Long.MIN_VALUE);
            if (pool.size() < 4) {
                pool.push(s);
            }
            n++;
        }
        if (n > 0) {
            System.arraycopy(slices, n, slices, 0, sliceCount - n);
            java.util.Arrays.fill(slices, sliceCount - n, sliceCount, null);
            sliceCount -= n;
        }
    }

    /** Window-function context of the window being fired; its per-window state lives for one firing. */
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
