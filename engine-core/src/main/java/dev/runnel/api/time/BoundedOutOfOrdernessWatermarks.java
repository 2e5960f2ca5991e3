package dev.runnel.api.time;

import java.time.Duration;

/**
 * Emits {@code maxTimestamp - bound - 1} periodically (after every event when the strategy has
 * {@code withPerRecordEmission()}): events up to {@code bound} late are still on time.
 */
public final class BoundedOutOfOrdernessWatermarks<T> implements WatermarkGenerator<T> {
    private final long bound;
    private long maxTimestamp;

    public BoundedOutOfOrdernessWatermarks(Duration maxOutOfOrderness) {
        this.bound = maxOutOfOrderness.toMillis();
        // start so that the first emitted watermark before any event is Long.MIN_VALUE, without overflow
        this.maxTimestamp = Long.MIN_VALUE + bound + 1;
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        if (eventTimestamp > maxTimestamp) {
            maxTimestamp = eventTimestamp;
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        output.emitWatermark(maxTimestamp - bound - 1);
    }
}
