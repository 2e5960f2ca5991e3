package dev.runnel.api.time;

import java.time.Duration;

/** Watermark {@code maxTimestamp - 1} for inputs whose timestamps never decrease (Flink's class of this name). */
public final class AscendingTimestampsWatermarks<T> implements WatermarkGenerator<T> {
    private final BoundedOutOfOrdernessWatermarks<T> inner = new BoundedOutOfOrdernessWatermarks<>(Duration.ZERO);

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        inner.onEvent(event, eventTimestamp, output);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        inner.onPeriodicEmit(output);
    }
}
