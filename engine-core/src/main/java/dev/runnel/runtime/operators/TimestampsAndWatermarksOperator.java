package dev.runnel.runtime.operators;

import dev.runnel.api.time.TimestampAssigner;
import dev.runnel.api.time.WatermarkGenerator;
import dev.runnel.api.time.WatermarkOutput;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.runtime.FutureEventFilter;
import dev.runnel.runtime.Operator;
import dev.runnel.runtime.WatermarkStrategies;

/**
 * Assigns timestamps and generates watermarks mid-stream. Upstream watermarks and idleness are
 * dropped (this operator decides event time from here on), except the final watermark at end of
 * input, as in Flink.
 */
public final class TimestampsAndWatermarksOperator<T> extends Operator<T, T> implements WatermarkOutput {
    private final WatermarkStrategy<T> strategy;
    private final long intervalMillis;
    private TimestampAssigner<T> assigner;
    private WatermarkGenerator<T> generator;
    private FutureEventFilter<T> futureEvents;
    private long lastPeriodicEmit;
    private long emitted = Long.MIN_VALUE;
    private boolean idle;

    public TimestampsAndWatermarksOperator(WatermarkStrategy<T> strategy, long intervalMillis) {
        this.strategy = strategy;
        this.intervalMillis = intervalMillis;
    }

    @Override
    public void open() {
        assigner = WatermarkStrategies.assigner(strategy);
        generator = WatermarkStrategies.generator(strategy, context.clock());
        futureEvents = FutureEventFilter.of(strategy, context.clock());
        lastPeriodicEmit = context.clock().millis();
    }

    @Override
    public void collect(T value, long timestamp) {
        metrics.recordsIn++;
        long ts = timestamp;
        if (assigner != null) {
            try {
                ts = assigner.extractTimestamp(value, timestamp);
            } catch (Exception e) {
                throw userFailure(e, null, timestamp, value);
            }
        }
        if (futureEvents != null && futureEvents.tooFarAhead(ts)) {
            divertFutureEvent(value, ts);
            return;
        }
        output.collect(value, ts);
        // Flink's order: the record first, then the generator (a punctuated watermark must not
        // overtake the record that caused it)
        try {
            generator.onEvent(value, ts, this);
        } catch (Exception e) {
            throw userFailure(e, null, ts, value);
        }
    }

    /** Past the strategy's future-event guard: to its side output, not to the generator or downstream. */
    private void divertFutureEvent(T value, long ts) {
        metrics.futureEvents++;
        context.output(futureEvents.tag(), value, ts);
    }

    /** Upstream watermarks are swallowed except the final one, which ends event time for everyone. */
    @Override
    public void watermark(long watermark) {
        if (watermark == Long.MAX_VALUE) {
            currentWatermark = watermark;
            emitWatermark(watermark);
        }
    }

    @Override
    public void idle(boolean idle) {
        // upstream idleness does not matter here: this operator generates its own watermarks
    }

    @Override
    protected void onProcessingTime(long now) {
        if (strategy.emitsWatermarks() && intervalMillis > 0 && now - lastPeriodicEmit >= intervalMillis) {
            lastPeriodicEmit = now;
            generator.onPeriodicEmit(this);
        }
    }

    @Override
    public void emitWatermark(long timestamp) {
        if (idle) {
            markActive();
        }
        if (timestamp > emitted) {
            emitted = timestamp;
            metrics.currentWatermark = timestamp;
            output.watermark(timestamp);
        }
    }

    /**
     * The watermark already emitted, so a restored job does not send an older one. The generator
     * starts afresh (as in Flink): a bounded-out-of-orderness generator holds the watermark where it
     * was until events after the restore pass it.
     */
    @Override
    public boolean supportsCheckpoints() {
        return true;
    }

    @Override
    public void snapshotState(java.io.DataOutput out, dev.runnel.checkpoint.StateSerializers serializers) throws java.io.IOException {
        super.snapshotState(out, serializers);
        out.writeLong(emitted);
    }

    @Override
    public void restoreState(java.io.DataInput in, dev.runnel.checkpoint.StateSerializers serializers) throws java.io.IOException {
        super.restoreState(in, serializers);
        long restored = in.readLong();
        emitted = emitted == Long.MIN_VALUE ? restored : Math.min(emitted, restored); // several old subtasks: the slowest
        metrics.currentWatermark = emitted;
    }

    @Override
    public void markIdle() {
        if (!idle) {
            idle = true;
            metrics.idle = true;
            output.idle(true);
        }
    }

    @Override
    public void markActive() {
        if (idle) {
            idle = false;
            metrics.idle = false;
            output.idle(false);
        }
    }
}
