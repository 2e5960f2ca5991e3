package dev.runnel.api.time;

/**
 * Generates watermarks from events ({@link #onEvent}) and/or periodically ({@link #onPeriodicEmit},
 * every {@code autoWatermarkInterval} of processing time).
 */
public interface WatermarkGenerator<T> {
    void onEvent(T event, long eventTimestamp, WatermarkOutput output);

    void onPeriodicEmit(WatermarkOutput output);
}
