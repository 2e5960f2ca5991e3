package dev.runnel.api.time;

/**
 * Wraps a generator so that it emits after every event what it would emit periodically. For bounded
 * out-of-orderness that is {@code maxTimestamp - bound - 1} as soon as an event raises the maximum,
 * so the watermark sequence depends only on the input, not on how fast it was read. Periodic calls
 * still reach the generator (idleness needs them); for generators like bounded out-of-orderness they
 * emit nothing new.
 */
final class PerRecordEmission<T> implements WatermarkGenerator<T> {
    private final WatermarkGenerator<T> inner;

    PerRecordEmission(WatermarkGenerator<T> inner) {
        this.inner = inner;
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        inner.onEvent(event, eventTimestamp, output);
        inner.onPeriodicEmit(output);
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        inner.onPeriodicEmit(output);
    }
}
