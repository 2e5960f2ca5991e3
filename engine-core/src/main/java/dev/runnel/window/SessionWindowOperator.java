package dev.runnel.window;

import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.functions.KeyedStateStore;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import dev.runnel.api.windowing.TimeWindow;
import dev.runnel.runtime.KeyedOperator;
import dev.runnel.runtime.OperatorContext;
import dev.runnel.runtime.Output;
import dev.runnel.runtime.operators.TimestampedCollector;
import dev.runnel.state.KeyedRuntimeContext;

/**
 * Event-time session windows with the default trigger and no allowed lateness: per key a sorted
 * array of open sessions (start, end, contents) instead of a map from window objects to records,
 * and one timer per session end. A timer left behind by a session that grew is recognised on
 * firing (no session ends there any more) and ignored, so merging never deletes timers. Results
 * and lateness are those of the general {@link WindowOperator}: with no allowed lateness a session
 * fires once when the watermark reaches its end and is dropped at once.
 */
public final class SessionWindowOperator<K, IN, C, OUT> extends KeyedOperator<K, IN, OUT> {
    private final long gap;
    private final WindowAggregation<IN, C, OUT, K, TimeWindow> aggregation;
    private final OutputTag<IN> lateTag;
    private static final String SESSIONS_STATE = "_sessions";
    private ValueState<Sessions> sessions;
    private KeyedRuntimeContext globalStore;
    private TimestampedCollector<OUT> collector;
    private final FiringContext ctx = new FiringContext();

    public SessionWindowOperator(KeySelector<IN, K> keySelector, long gap, WindowAggregation<IN, C, OUT, K, TimeWindow> aggregation,
                                 OutputTag<IN> lateTag) {
        super(keySelector);
        this.gap = gap;
        this.aggregation = aggregation;
        this.lateTag = lateTag;
    }

    @Override
    public void setup(OperatorContext context, Output<OUT> output) {
        super.setup(context, output);
        registerWindowGauges(() -> backend.sumForMonitoring(SESSIONS_STATE, sessionsOfKey -> ((Sessions) sessionsOfKey).size));
        collector = new TimestampedCollector<>(output);
    }

    @Override
    public void open() throws Exception {
        globalStore = new KeyedRuntimeContext(context, backend);
        sessions = globalStore.getState(new ValueStateDescriptor<>(SESSIONS_STATE, Sessions.class));
        aggregation.open(globalStore);
    }

    @Override
    public void close() throws Exception {
        aggregation.close();
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void processElement(IN value, long timestamp) {
        if (timestamp == NO_TIMESTAMP) {
            throw new IllegalStateException("Operator '" + context.name() + "': record " + value + " has no timestamp; "
                + "event-time session windows need a WatermarkStrategy with a timestamp assigner");
        }
        long start = timestamp;
        long end = timestamp + gap;
        Sessions s = sessions.value();
        // sessions meeting [start, end] (touching counts): the last one starting at or before end, and those before it that reach start
        int hi = s == null ? -1 : s.lastStartingAtOrBefore(end);
        int lo = hi;
        while (lo >= 0 && s.ends[lo] >= start) {
            lo--;
        }
        lo++;
        boolean merges = hi >= lo;
        if (merges) {
            start = Math.min(start, s.starts[lo]);
            end = Math.max(end, s.ends[hi]);
        }
        if (end - 1 <= currentWatermark) {
            // its session has fired already (or would have): too late for every window
            context.lateRecord(lateTag, value, timestamp);
            return;
        }
        if (s == null) {
            s = new Sessions();
            sessions.update(s);
        }
        try {
            C contents;
            if (merges) {
                contents = (C) s.contents[lo];
                for (int i = lo + 1; i <= hi; i++) {
                    contents = aggregation.merge(contents, (C) s.contents[i]);
                }
            } else {
                contents = aggregation.create();
            }
            contents = aggregation.add(contents, value);
            long previousEnd = merges ? s.ends[hi] : Long.MIN_VALUE;
            s.replace(lo, merges ? hi : lo - 1, start, end, contents);
            if (end != previousEnd) {
                eventTimers.register(currentKey, null, end - 1);
            }
        } catch (Exception e) {
            throw userFailure(e, currentKey, timestamp, value);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void onTimer(long time, Object namespace, boolean eventTime) {
        Sessions s = sessions.value();
        int i = s == null ? -1 : s.endingAt(time + 1);
        if (i < 0) {
            return; // the session grew past this timer, or merged away
        }
        long start = s.starts[i];
        long end = s.ends[i];
        C contents = (C) s.contents[i];
        s.remove(i);
        if (s.size == 0) {
            sessions.clear();
        }
        collector.setTimestamp(time);
        ctx.window = new TimeWindow(start, end);
        try {
            aggregation.emit(currentKey, contents, ctx, collector);
            aggregation.clear(currentKey, ctx);
        } catch (Exception e) {
            throw userFailure(e, currentKey, time, "window [" + start + ", " + end + ")");
        }
    }

    // ---- checkpoints: the sessions are the keyed state "_sessions", their ends the event-time timers

    @Override
    public boolean supportsCheckpoints() {
        return true;
    }

    @Override
    public void snapshotState(java.io.DataOutput out, dev.runnel.checkpoint.StateSerializers serializers) throws java.io.IOException {
        super.snapshotState(out, serializers);
        out.writeLong(metrics.lateRecordsDropped);
    }

    @Override
    public void restoreState(java.io.DataInput in, dev.runnel.checkpoint.StateSerializers serializers) throws java.io.IOException {
        super.restoreState(in, serializers);
        metrics.lateRecordsDropped += in.readLong();
    }

    private final class FiringContext implements WindowFunctionContext<TimeWindow> {
        TimeWindow window;

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
            throw new UnsupportedOperationException("Per-window state is not available with merging (session) windows; "
                + "use globalState() or an aggregate instead");
        }

        @Override
        public KeyedStateStore globalState() {
            return globalStore;
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            context.output(tag, value, window.maxTimestamp());
        }
    }
}
