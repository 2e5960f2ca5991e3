package dev.runnel.runtime;

import dev.runnel.api.functions.KeySelector;
import dev.runnel.state.KeyedStateBackend;
import dev.runnel.time.TimerHandler;
import dev.runnel.time.TimerQueue;

/**
 * Base of operators on a keyed stream: extracts the key of each record, makes it the state
 * backend's current key (one hash lookup) and owns the event- and processing-time timer queues.
 * Subclasses implement {@link #processElement} and {@link #onTimer}; the key is already set when
 * either is called.
 */
public abstract class KeyedOperator<K, IN, OUT> extends Operator<IN, OUT> implements TimerHandler {
    protected final KeySelector<IN, K> keySelector;
    protected KeyedStateBackend backend;
    protected final TimerQueue eventTimers = new TimerQueue();
    protected final TimerQueue processingTimers = new TimerQueue();
    protected K currentKey;
    /** Timestamp of the record or timer being processed. */
    protected long currentTimestamp = NO_TIMESTAMP;
    private boolean firingProcessingTime;
    /** False for operators that keep their own per-key structures and set the backend's key only when needed. */
    private final boolean keyContextPerRecord;

    protected KeyedOperator(KeySelector<IN, K> keySelector) {
        this(keySelector, true);
    }

    protected KeyedOperator(KeySelector<IN, K> keySelector, boolean keyContextPerRecord) {
        this.keySelector = keySelector;
        this.keyContextPerRecord = keyContextPerRecord;
    }

    @Override
    public void setup(OperatorContext context, Output<OUT> output) {
        super.setup(context, output);
        this.backend = new KeyedStateBackend(context.name(), context.clock());
        // read by monitoring threads only (racy by design, see OperatorMetricsView); nothing on the hot path
        metrics.gauge("numRegisteredTimers", () -> eventTimers.size() + processingTimers.size());
        metrics.gauge("earliestPendingTimer", eventTimers::earliestTimeForMonitoring);
        metrics.gauge("numKeyedStateEntries", backend::numberOfKeys);
    }

    /**
     * Publishes the window gauges the live job page uses to say why nothing fired: how many event-time
     * timers (window ends and clean-ups) are pending and the earliest window end they wait for; and
     * {@code numOpenWindows}, the (key, window) pairs whose contents the operator still holds (fired or
     * not, until allowed lateness has passed), which {@code openWindows} counts by walking the operator's
     * structures when a monitor reads it.
     */
    protected final void registerWindowGauges(java.util.function.LongSupplier openWindows) {
        metrics.gauge("numOpenWindows", new RacyGauge(openWindows));
        metrics.gauge("pendingWindowTimers", eventTimers::size);
        metrics.gauge("earliestPendingWindowEnd", () -> {
            long t = eventTimers.earliestTimeForMonitoring();
            return t == Long.MIN_VALUE || t == Long.MAX_VALUE ? Long.MIN_VALUE : t + 1; // a window fires at end - 1
        });
    }

    public KeyedStateBackend backend() {
        return backend;
    }

    @Override
    public final void collect(IN value, long timestamp) {
        metrics.recordsIn++;
        K key;
        try {
            key = keySelector.getKey(value);
        } catch (Exception e) {
            throw userFailure(e, null, timestamp, value);
        }
        if (key == null) {
            throw new OperatorException("Key selector of operator '" + context.name() + "' returned null for record "
                + OperatorException.abbreviate(value) + " (timestamp " + timestamp + "); keys must not be null", null);
        }
        if (keyContextPerRecord) {
            setCurrentKey(key);
        } else {
            currentKey = key;
        }
        currentTimestamp = timestamp;
        processElement(value, timestamp);
    }

    protected final void setCurrentKey(K key) {
        currentKey = key;
        backend.setCurrentKey(key);
    }

    protected abstract void processElement(IN value, long timestamp);

    /** A timer fired; the key is the current key. {@code namespace} is what it was registered with. */
    protected abstract void onTimer(long time, Object namespace, boolean eventTime);

    @Override
    @SuppressWarnings("unchecked")
    public final void onTimer(Object key, Object namespace, long time) {
        setCurrentKey((K) key);
        currentTimestamp = time;
        onTimer(time, namespace, !firingProcessingTime);
    }

    /**
     * Fires every event-time timer up to {@code watermark} before the base forwards it. The invariant
     * that watermark steps rely on (docs/semantics.md, "Watermark steps"): a record that arrives after
     * a watermark is processed only after every timer that watermark made due has fired, and the
     * watermark leaves this operator only after them too. The count goes to the task's
     * {@link WatermarkWork}, by which its sources size their watermark steps.
     */
    @Override
    protected void onWatermark(long watermark) {
        if (!eventTimers.isEmpty()) {
            firingProcessingTime = false;
            metrics.watermarkWork().fired(eventTimers.advance(watermark, this));
        }
    }

    @Override
    protected void onProcessingTime(long now) {
        backend.sweepExpired(now);
        if (!processingTimers.isEmpty()) {
            firingProcessingTime = true;
            processingTimers.advance(now, this);
            firingProcessingTime = false;
        }
    }

    /**
     * Fires the processing-time timers pending at end of input (docs/semantics.md: unlike Flink, so bounded
     * jobs on processing time produce their results). Timers registered while firing fire too if they
     * are not later than the latest one pending when end of input arrived, so a self-re-arming timer
     * cannot loop forever.
     */
    @Override
    protected void onEndOfInput() {
        if (!processingTimers.isEmpty()) {
            firingProcessingTime = true;
            processingTimers.advance(processingTimers.maxTime(), this);
            firingProcessingTime = false;
        }
    }

    public long currentProcessingTime() {
        return context.clock().millis();
    }

    /** Keyed snapshots write many small entries: into an unsynchronized buffer, copied to the checkpoint at once. */
    @Override
    public void snapshotState(long checkpointId, java.io.DataOutput out, dev.runnel.checkpoint.StateSerializers serializers)
            throws java.io.IOException {
        dev.runnel.checkpoint.SnapshotBuffer buffer = new dev.runnel.checkpoint.SnapshotBuffer();
        snapshotState(buffer.data(), serializers);
        buffer.copyTo(out);
    }

    @Override
    public void snapshotState(java.io.DataOutput out, dev.runnel.checkpoint.StateSerializers serializers) throws java.io.IOException {
        super.snapshotState(out, serializers);
        backend.snapshot(out, serializers);
        snapshotTimers(out, serializers);
    }

    /**
     * Writes both timer queues. Operators whose timers carry runtime objects (shared sentinels,
     * per-key structures) as keys or namespaces override this and {@link #restoreTimers} together.
     */
    protected void snapshotTimers(java.io.DataOutput out, dev.runnel.checkpoint.StateSerializers serializers) throws java.io.IOException {
        eventTimers.snapshot(out, serializers, context.name() + " event-time");
        processingTimers.snapshot(out, serializers, context.name() + " processing-time");
    }

    protected void restoreTimers(java.io.DataInput in, dev.runnel.checkpoint.StateSerializers serializers) throws java.io.IOException {
        eventTimers.restore(in, serializers, context.name() + " event-time", this::ownsKey);
        processingTimers.restore(in, serializers, context.name() + " processing-time", this::ownsKey);
    }

    @Override
    public void restoreState(java.io.DataInput in, dev.runnel.checkpoint.StateSerializers serializers) throws java.io.IOException {
        super.restoreState(in, serializers);
        backend.restore(in, serializers, this::ownsKey);
        restoreTimers(in, serializers);
    }
}
