package dev.runnel.window;

import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.functions.KeyedStateStore;
import dev.runnel.api.state.State;
import dev.runnel.api.state.StateDescriptor;
import dev.runnel.api.state.ValueState;
import dev.runnel.api.state.ValueStateDescriptor;
import dev.runnel.api.windowing.MergingWindowAssigner;
import dev.runnel.api.windowing.TimeWindow;
import dev.runnel.api.windowing.Trigger;
import dev.runnel.api.windowing.TriggerResult;
import dev.runnel.api.windowing.Window;
import dev.runnel.api.windowing.WindowAssigner;
import dev.runnel.runtime.KeyedOperator;
import dev.runnel.runtime.OperatorContext;
import dev.runnel.runtime.Output;
import dev.runnel.runtime.operators.TimestampedCollector;
import dev.runnel.state.KeyedRuntimeContext;
import dev.runnel.state.ScopedStateStore;
import dev.runnel.state.WindowStateSlots;
import dev.runnel.state.StatesByDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The general window operator (Flink's semantics): any assigner, including merging session
 * windows, any trigger, allowed lateness and a late-data side output. Per key it keeps a map from
 * window to {@link WindowRecord}; timers carry the window as their namespace.
 *
 * <p>An element is dropped as late only if every window it belongs to is past
 * {@code maxTimestamp + allowedLateness}; a window's state is dropped by a cleanup timer at that
 * time. Session windows merge before lateness is judged, so a late element that bridges two
 * sessions still within lateness fires the merged session once with all elements.
 */
public final class WindowOperator<K, IN, C, OUT, W extends Window> extends KeyedOperator<K, IN, OUT> {
    private final WindowAssigner<? super IN, W> assigner;
    private final Trigger<? super IN, ? super W> trigger;
    private final WindowAggregation<IN, C, OUT, K, W> aggregation;
    private final long allowedLateness;
    private final OutputTag<IN> lateTag;
    private final boolean merging;
    private final boolean eventTime;

    /** The keyed state holding each key's windows: a map from window to its {@link WindowRecord}. */
    private static final String WINDOWS_STATE = "_windows";
    private ValueState<Map<W, WindowRecord<C>>> windows;
    private WindowStateSlots triggerSlots;
    private WindowStateSlots windowSlots;
    private ScopedStateStore triggerStore;
    private ScopedStateStore windowStore;
    private KeyedRuntimeContext globalStore;
    private TimestampedCollector<OUT> collector;
    private final WindowRecordSlots<C> triggerHolder = new WindowRecordSlots<>(true);
    private final WindowRecordSlots<C> windowHolder = new WindowRecordSlots<>(false);
    private final Context ctx = new Context();

    @SuppressWarnings("unchecked")
    public WindowOperator(KeySelector<IN, K> keySelector, WindowAssigner<? super IN, W> assigner,
                          Trigger<? super IN, ? super W> trigger, WindowAggregation<IN, C, OUT, K, W> aggregation,
                          long allowedLateness, OutputTag<IN> lateTag) {
        super(keySelector);
        this.assigner = assigner;
        this.trigger = trigger;
        this.aggregation = aggregation;
        this.allowedLateness = allowedLateness;
        this.lateTag = lateTag;
        this.merging = assigner instanceof MergingWindowAssigner;
        this.eventTime = assigner.isEventTime();
        if (merging && !trigger.canMerge()) {
            throw new IllegalArgumentException("Trigger " + trigger + " cannot be used with merging (session) windows: it does not implement canMerge()/onMerge()");
        }
    }

    /** Contents and per-window state of one window of one key; Java-serialized into checkpoints with the key's windows. */
    static final class WindowRecord<C> implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        C contents;
        Object[] triggerState;
        Object[] windowState;
    }

    @Override
    public void setup(OperatorContext context, Output<OUT> output) {
        super.setup(context, output);
        registerWindowGauges(() -> backend.sumForMonitoring(WINDOWS_STATE, windowsOfKey -> ((Map<?, ?>) windowsOfKey).size()));
        collector = new TimestampedCollector<>(output);
        // here, not in open(): a restore reserves the checkpoint's slot names before the operator opens
        triggerSlots = new WindowStateSlots(context.clock());
        windowSlots = new WindowStateSlots(context.clock());
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void open() throws Exception {
        globalStore = new KeyedRuntimeContext(context, backend);
        windows = globalStore.getState(new ValueStateDescriptor<>(WINDOWS_STATE, (Class) Map.class));
        triggerSlots.bind(triggerHolder);
        triggerStore = new ScopedStateStore(triggerSlots, triggerSlots);
        windowSlots.bind(windowHolder);
        windowStore = new ScopedStateStore(windowSlots, windowSlots);
        aggregation.open(globalStore);
    }

    @Override
    public void close() throws Exception {
        aggregation.close();
    }

    private long cleanupTime(W window) {
        if (eventTime) {
            return Lateness.cleanupTime(window.maxTimestamp(), allowedLateness);
        }
        return window.maxTimestamp();
    }

    private boolean isWindowLate(W window) {
        return eventTime && cleanupTime(window) <= currentWatermark;
    }

    @Override
    protected void processElement(IN value, long timestamp) {
        Collection<W> assigned;
        try {
            assigned = assigner.assignWindows(value, timestamp, context.clock().millis());
        } catch (RuntimeException e) {
            throw userFailure(e, currentKey, timestamp, value);
        }
        Map<W, WindowRecord<C>> map = windows.value();
        if (map == null) {
            // sessions are kept in start order, so the ones a new session meets are found without a scan
            map = merging ? new TreeMap<>(SESSION_ORDER) : new HashMap<>(4);
            windows.update(map);
        }
        boolean skipped = true;
        for (W w : assigned) {
            W actual = merging ? mergeInto(map, w) : w;
            if (isWindowLate(actual)) {
                continue;
            }
            skipped = false;
            WindowRecord<C> record = map.computeIfAbsent(actual, k -> new WindowRecord<>());
            try {
                if (record.contents == null) {
                    record.contents = aggregation.create();
                }
                record.contents = aggregation.add(record.contents, value, timestamp);
                TriggerResult result = trigger.onElement(valueAsTriggerInput(value), timestamp, narrow(actual), triggerContext(actual, record));
                react(result, actual, record, map);
            } catch (Exception e) {
                throw userFailure(e, currentKey, timestamp, value);
            }
            registerCleanupTimer(actual);
        }
        if (map.isEmpty()) {
            windows.clear();
        }
        if (skipped && isElementLate(timestamp)) {
            context.lateRecord(lateTag, value, timestamp);
        }
    }

    private boolean isElementLate(long timestamp) {
        return eventTime && timestamp + allowedLateness <= currentWatermark;
    }

    @SuppressWarnings("unchecked")
    private <T> T valueAsTriggerInput(IN value) {
        return (T) value;
    }

    @SuppressWarnings("unchecked")
    private <X extends Window> X narrow(W window) {
        return (X) window;
    }

    private void react(TriggerResult result, W window, WindowRecord<C> record, Map<W, WindowRecord<C>> map) throws Exception {
        if (result.isFire() && record != null && record.contents != null) {
            fire(window, record);
        }
        if (result.isPurge() && record != null) {
            record.contents = null; // freed now; trigger state stays until the window is cleaned up
            if (!merging && allNull(record.triggerState) && allNull(record.windowState)) {
                // nothing left: drop the record too, or windows that are never cleaned up (global windows
                // with a purging trigger) would keep one empty record per key forever. A later element
                // starts the window afresh, which is what its purged state would give. Sessions keep
                // theirs: a purged session still merges with neighbours until cleanup, as in Flink.
                map.remove(window);
            }
        }
    }

    private static boolean allNull(Object[] slots) {
        if (slots != null) {
            for (Object o : slots) {
                if (o != null) {
                    return false;
                }
            }
        }
        return true;
    }

    private void fire(W window, WindowRecord<C> record) throws Exception {
        collector.setTimestamp(window.maxTimestamp());
        ctx.window = window;
        windowHolder.record = record;
        aggregation.emit(currentKey, record.contents, ctx, collector);
    }

    private void registerCleanupTimer(W window) {
        long t = cleanupTime(window);
        if (t == Long.MAX_VALUE && !eventTime) {
            return; // global windows: no garbage-collection timer for the end of time
        }
        if (eventTime) {
            eventTimers.register(currentKey, window, t);
        } else {
            processingTimers.register(currentKey, window, t);
        }
    }

    private void deleteCleanupTimer(W window) {
        long t = cleanupTime(window);
        if (eventTime) {
            eventTimers.delete(currentKey, window, t);
        } else {
            processingTimers.delete(currentKey, window, t);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void onTimer(long time, Object namespace, boolean isEventTimer) {
        W window = (W) namespace;
        Map<W, WindowRecord<C>> map = windows.value();
        WindowRecord<C> record = map == null ? null : map.get(window);
        if (merging && record == null) {
            return; // the window was merged into another one
        }
        try {
            Trigger.TriggerContext tc = triggerContext(window, record);
            TriggerResult result = isEventTimer ? trigger.onEventTime(time, narrow(window), tc)
                : trigger.onProcessingTime(time, narrow(window), tc);
            react(result, window, record, map);
            if (isEventTimer == eventTime && time == cleanupTime(window)) {
                clearAllState(window, record, map);
            }
        } catch (Exception e) {
            throw userFailure(e, currentKey, time, "window " + window);
        }
        if (map != null && map.isEmpty()) {
            windows.clear();
        }
    }

    private void clearAllState(W window, WindowRecord<C> record, Map<W, WindowRecord<C>> map) throws Exception {
        trigger.clear(narrow(window), triggerContext(window, record));
        if (record != null) {
            ctx.window = window;
            windowHolder.record = record;
            aggregation.clear(currentKey, ctx);
        }
        if (map != null) {
            map.remove(window);
        }
    }

    private static final java.util.Comparator<Object> SESSION_ORDER = new SessionOrder();

    /** Sessions by start, then end; a class, not a lambda, so that a key's session map can be checkpointed. */
    private static final class SessionOrder implements java.util.Comparator<Object>, java.io.Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(Object a, Object b) {
            TimeWindow x = (TimeWindow) a;
            TimeWindow y = (TimeWindow) b;
            int c = Long.compare(x.getStart(), y.getStart());
            return c != 0 ? c : Long.compare(x.getEnd(), y.getEnd());
        }
    }

    /**
     * Adds session window {@code w} to the key's sessions, merging every session it meets.
     * Sessions of a key never meet each other (they would have merged), so only the last session
     * starting at or before {@code w} and those starting within {@code w} can meet it. Returns the
     * window that now contains {@code w}.
     */
    @SuppressWarnings("unchecked")
    private W mergeInto(Map<W, WindowRecord<C>> map, W w) {
        TreeMap<W, WindowRecord<C>> sessions = (TreeMap<W, WindowRecord<C>>) map;
        TimeWindow tw = (TimeWindow) w;
        if (sessions.isEmpty()) {
            return w;
        }
        W probe = (W) new TimeWindow(tw.getStart(), Long.MAX_VALUE);
        List<W> mergedAway = null;
        TimeWindow covered = tw;
        W lower = sessions.floorKey(probe);
        if (lower != null && ((TimeWindow) lower).intersects(tw)) {
            mergedAway = new ArrayList<>(2);
            mergedAway.add(lower);
            covered = covered.cover((TimeWindow) lower);
        }
        // later sessions in start order, while they start at or before the new window's end (no view objects)
        for (W k = sessions.higherKey(probe); k != null && ((TimeWindow) k).getStart() <= tw.getEnd(); k = sessions.higherKey(k)) {
            if (mergedAway == null) {
                mergedAway = new ArrayList<>(2);
            }
            mergedAway.add(k);
            covered = covered.cover((TimeWindow) k);
        }
        W result = (W) covered;
        if (mergedAway == null || (mergedAway.size() == 1 && mergedAway.get(0).equals(result))) {
            return result;
        }
        WindowRecord<C> merged = new WindowRecord<>();
        try {
            for (W old : mergedAway) {
                WindowRecord<C> r = map.get(old);
                if (r.contents != null) {
                    merged.contents = merged.contents == null ? r.contents : aggregation.merge(merged.contents, r.contents);
                }
                merged.triggerState = TriggerStateMerge.merge(triggerSlots.descriptors(), merged.triggerState, r.triggerState);
            }
            for (W old : mergedAway) {
                WindowRecord<C> r = map.remove(old);
                if (!old.equals(result)) {
                    trigger.clear(narrow(old), triggerContext(old, r));
                    deleteCleanupTimer(old);
                }
            }
            map.put(result, merged);
            trigger.onMerge(narrow(result), triggerContext(result, merged));
        } catch (Exception e) {
            throw userFailure(e, currentKey, currentTimestamp, "merging windows " + mergedAway + " into " + result);
        }
        return result;
    }

    // ---- checkpoints: windows, contents and trigger state are the keyed state "_windows" (with their
    // timers in the queues); per-window slot arrays are read back by the slot names written here

    @Override
    public boolean supportsCheckpoints() {
        return true;
    }

    @Override
    public void snapshotState(java.io.DataOutput out, dev.runnel.checkpoint.StateSerializers serializers) throws java.io.IOException {
        super.snapshotState(out, serializers);
        WindowCheckpoints.writeNames(out, triggerSlots.names());
        WindowCheckpoints.writeNames(out, windowSlots.names());
        out.writeLong(metrics.lateRecordsDropped);
    }

    @Override
    public void restoreState(java.io.DataInput in, dev.runnel.checkpoint.StateSerializers serializers) throws java.io.IOException {
        super.restoreState(in, serializers);
        WindowCheckpoints.reserveNames(in, triggerSlots, context.name());
        WindowCheckpoints.reserveNames(in, windowSlots, context.name());
        metrics.lateRecordsDropped += in.readLong();
    }

    private Trigger.TriggerContext triggerContext(W window, WindowRecord<C> record) {
        ctx.window = window;
        triggerHolder.record = record;
        return ctx;
    }

    /** Trigger context and window-function context in one reusable object, scoped to the current key and window. */
    private final class Context implements Trigger.TriggerContext, WindowFunctionContext<W> {
        W window;

        @Override
        public W window() {
            return window;
        }

        @Override
        public long getCurrentProcessingTime() {
            return context.clock().millis();
        }

        @Override
        public long currentProcessingTime() {
            return context.clock().millis();
        }

        @Override
        public long getCurrentWatermark() {
            return currentWatermark;
        }

        @Override
        public long currentWatermark() {
            return currentWatermark;
        }

        @Override
        public void registerEventTimeTimer(long time) {
            eventTimers.register(currentKey, window, time);
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            processingTimers.register(currentKey, window, time);
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            eventTimers.delete(currentKey, window, time);
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            processingTimers.delete(currentKey, window, time);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <S extends State> S getPartitionedState(StateDescriptor<?> d) {
            if (triggerHolder.record == null) {
                triggerHolder.record = new WindowRecord<>(); // a timer for a window without contents: state is transient
            }
            return (S) StatesByDescriptor.of(triggerStore, d);
        }

        @Override
        public KeyedStateStore windowState() {
            if (merging) {
                throw new UnsupportedOperationException("Per-window state is not available with merging (session) windows; "
                    + "use globalState() or an aggregate instead");
            }
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
    }
}
