package dev.runnel.examples.common;

import dev.runnel.api.time.WatermarkGenerator;
import dev.runnel.api.time.WatermarkOutput;
import dev.runnel.api.time.WatermarkStrategy;
import dev.runnel.api.time.TimestampAssigner;
import java.time.Duration;

/**
 * Bounded out-of-orderness watermarks ({@code maxTimestamp - bound - 1}, as
 * {@code WatermarkStrategy.forBoundedOutOfOrderness}) emitted after every event instead of every
 * 200 ms of wall-clock time. The examples replay files: with periodic emission, which rows are late
 * would depend on how fast the machine reads the file; emitting per event makes a run's output the
 * same on every machine, and the same in tests as on the command line. Emission is cheap: a
 * watermark that does not move forward is not sent.
 */
public final class ReplayWatermarks<T> implements WatermarkGenerator<T> {
    private final long bound;
    private long maxTimestamp = Long.MIN_VALUE;

    private ReplayWatermarks(Duration maxOutOfOrderness) {
        this.bound = maxOutOfOrderness.toMillis();
    }

    /** The strategy: timestamps from {@code assigner}, watermarks per event with {@code maxOutOfOrderness}. */
    public static <T> WatermarkStrategy<T> boundedOutOfOrderness(Duration maxOutOfOrderness, TimestampAssigner<T> assigner) {
        if (maxOutOfOrderness.isNegative()) {
            throw new IllegalArgumentException("out-of-orderness must not be negative, got " + maxOutOfOrderness);
        }
        return WatermarkStrategy.<T>forGenerator(() -> new ReplayWatermarks<>(maxOutOfOrderness)).withTimestampAssigner(assigner);
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        if (eventTimestamp > maxTimestamp) {
            maxTimestamp = eventTimestamp;
            output.emitWatermark(maxTimestamp - bound - 1);
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        // everything was emitted per event
    }
}
