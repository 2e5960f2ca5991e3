package dev.runnel.api.time;

public interface WatermarkOutput {
    /** Emits a watermark; one that does not move time forward is ignored. */
    void emitWatermark(long timestamp);

    default void emitWatermark(Watermark watermark) {
        emitWatermark(watermark.timestamp());
    }

    /** Declares this input idle: it stops holding back downstream watermarks until it emits again. */
    void markIdle();

    void markActive();
}
