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
                registerWindowTimers(sliceStart);
            }
            s.contents[i] = aggregation.add((C) s.contents[i], value);
        } catch (Exception e) {
            throw userFailure(e, currentKey, timestamp, value);
        }
    }

    /** One timer per window that contains the slice and has not fired yet. */
    private void registerWindowTimers(long sliceStart) {
        for (long ws = TimeWindow.getWindowStartWithOffset(sliceStart, offset, slide); ws + size > sliceStart; ws -= slide) {
            long maxTimestamp = ws + size - 1;
            if (eventTime) {
                if (maxTimestamp > currentWatermark) {
                    eventTimers.register(currentKey, null, maxTimestamp);
                }
            } else {
                processingTimers.register(currentKey, null, maxTimestamp);
            }
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
        TimeWindow window = new TimeWindow(start, end);
        firing.clear();
        for (int i = 0; i < s.size; i++) {
            long ss = s.starts[i];
            if (ss >= start && ss < end) {
                firing.add((C) s.contents[i]);
            }
        }
        if (!firing.isEmpty()) {
            collector.setTimestamp(window.maxTimestamp());
            ctx.window = window;
            ctx.windowSlots = null;
            try {
                if (firing.size() == 1) {
                    aggregation.emit(currentKey, window, firing.get(0), ctx, collector);
                } else {
                    aggregation.emitSlices(currentKey, window, firing, ctx, collector);
                }
                aggregation.clear(currentKey, ctx);
            } catch (Exception e) {
                throw userFailure(e, currentKey, time, "window " + window);
            }
            firing.clear();
        }
        // the next window starts one slide later: slices before it are not needed any more
        s.dropBefore(start + slide);
        if (s.size == 0) {
            slices.clear();
        }
    }

    /** Window-function context of the window being fired; its per-window state lives for this firing. */
    private final class FiringContext implements WindowFunctionContext<TimeWindow>, WindowStateSlots.Holder {
        TimeWindow window;
        Object[] windowSlots;

        @Override
        public TimeWindow window() {
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
            context.output(tag, value, window.maxTimestamp());
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
