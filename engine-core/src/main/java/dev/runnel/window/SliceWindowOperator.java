package dev.runnel.window;

import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.functions.KeyedStateStore;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
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
import java.util.List;

/**
 * Tumbling and sliding windows with the default trigger and no allowed lateness, computed from
 * shared slices of {@code gcd(size, slide)} (the "panes" of Li et al., "No pane, no gain", 2005;
 * Flink's slicing window operator in its table runtime does the same). Each element updates one
 * slice, so the cost per element does not grow with {@code size / slide}; a window that fires
 * combines its slices (or, for full-element functions, iterates them in place, so elements are
 * stored once). One timer per (key, window end), registered when a slice is created; windows that
 * end together share one timer-queue bucket.
 *
 * <p>With no allowed lateness a window fires exactly once and its state is dropped right away, so
 * per-window state of a process function lives for that one firing and is cleared after it.
 */
public final class SliceWindowOperator<K, IN, C, OUT> extends KeyedOperator<K, IN, OUT> {
    private final long size;
    private final long slide;
    private final long offset;
    private final long sliceSize;
    private final boolean eventTime;
    private final WindowAggregation<IN, C, OUT, K, TimeWindow> aggregation;
    private final OutputTag<IN> lateTag;
    private ValueState<Slices> slices;
    private TimestampedCollector<OUT> collector;
    private KeyedRuntimeContext globalStore;
    private ScopedStateStore windowStore;
    private final FiringContext ctx = new FiringContext();
    private final List<C> firing = new ArrayList<>();

    public SliceWindowOperator(KeySelector<IN, K> keySelector, SliceableAssigner assigner, boolean eventTime,
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
        slices = globalStore.getState(new ValueStateDescriptor<>("_slices", Slices.class));
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
        Slices s = slices.value();
        if (s == null) {
            s = new Slices();
            slices.update(s);
        }
        int i = s.find(sliceStart);
        try {
            if (i < 0) {
                i = s.insert(-i - 1, sliceStart, aggregation.create());
                registerFirstWindowTimer(s, sliceStart);
            }
            s.contents(i, aggregation.add((C) s.contents(i), value));
        } catch (Exception e) {
            throw userFailure(e, currentKey, timestamp, value);
        }
    }

    /**
     * Registers the timer of the first window of a new slice that has not fired yet. Later windows
     * of the slice are reached by chaining: each firing registers the next window's end if that
     * window holds slices and no slice of its own registered it. When slices are as long as the
     * slide (tumbling windows, or size a multiple of slide), a new slice's first window end is its
     * own end, unique to it, so the timer goes in without a de-duplication lookup.
     */
    private void registerFirstWindowTimer(Slices s, long sliceStart) {
        long sliceEnd = sliceStart + sliceSize;
        long windowEnd = TimeWindow.getWindowStartWithOffset(sliceEnd - size + slide - 1, offset, slide) + size;
        boolean unique = sliceSize == slide;
        if (eventTime) {
            while (windowEnd - 1 <= currentWatermark) {
                windowEnd += slide; // that window fired already: the next one holding this slice
                unique = false;
            }
            if (windowEnd - size > sliceStart) {
                return;
            }
        }
        long timer = windowEnd - 1;
        if (timer == s.chainedTimer) {
            return;
        }
        if (unique) {
            (eventTime ? eventTimers : processingTimers).registerUnique(currentKey, null, timer);
        } else {
            (eventTime ? eventTimers : processingTimers).register(currentKey, null, timer);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void onTimer(long time, Object namespace, boolean isEventTimer) {
        Slices s = slices.value();
        if (s == null) {
            return;
        }
        long end = time + 1;
        long start = end - size;
        if (time == s.chainedTimer) {
            s.chainedTimer = Long.MIN_VALUE;
        }
        firing.clear();
        for (int i = 0; i < s.size(); i++) {
            long ss = s.start(i);
            if (ss >= end) {
                break; // sorted: the rest belong to later windows
            }
            if (ss >= start) {
                firing.add((C) s.contents(i));
            }
        }
        if (!firing.isEmpty()) {
            collector.setTimestamp(time);
            ctx.start = start;
            ctx.end = end;
            ctx.window = null;
            ctx.windowSlots = null;
            try {
                if (firing.size() == 1) {
                    aggregation.emit(currentKey, firing.get(0), ctx, collector);
                } else {
                    aggregation.emitSlices(currentKey, firing, ctx, collector);
                }
                aggregation.clear(currentKey, ctx);
            } catch (Exception e) {
                throw userFailure(e, currentKey, time, "window [" + start + ", " + end + ")");
            }
            firing.clear();
        }
        // the next window starts one slide later: slices before it are not needed any more
        s.dropBefore(start + slide);
        if (s.size() == 0) {
            slices.clear();
            return;
        }
        chainNextWindow(s, end);
    }

    /** After the window ending at {@code end} fired: make sure the next window fires if it holds slices. */
    private void chainNextWindow(Slices s, long end) {
        long nextEnd = end + slide;
        boolean nextHasSlices = s.start(0) < nextEnd;
        if (!nextHasSlices) {
            return; // remaining slices are later; they registered their own first windows
        }
        for (int i = 0; i < s.size(); i++) {
            long ss = s.start(i);
            if (ss >= nextEnd) {
                break;
            }
            if (ss >= end) {
                return; // a slice ending in the next window registered its end already
            }
        }
        s.chainedTimer = nextEnd - 1;
        (eventTime ? eventTimers : processingTimers).register(currentKey, null, nextEnd - 1);
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
