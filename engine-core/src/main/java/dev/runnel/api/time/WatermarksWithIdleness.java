package dev.runnel.api.time;

/**
 * Wraps a generator and marks the input idle when no event arrived for {@code idleTimeout} of
 * processing time, so that a quiet input does not hold back the watermark of its consumers.
 */
final class WatermarksWithIdleness<T> implements WatermarkGenerator<T> {
    private final WatermarkGenerator<T> inner;
    private final long idleTimeoutMillis;
    private final Clock clock;
    private long lastActivity;
    private boolean idle;
    private boolean sawEventSinceCheck;

    WatermarksWithIdleness(WatermarkGenerator<T> inner, long idleTimeoutMillis, Clock clock) {
        this.inner = inner;
        this.idleTimeoutMillis = idleTimeoutMillis;
        this.clock = clock;
        this.lastActivity = clock.millis();
    }

    @Override
    public void onEvent(T event, long eventTimestamp, WatermarkOutput output) {
        inner.onEvent(event, eventTimestamp, output);
        sawEventSinceCheck = true;
        if (idle) {
            idle = false;
            output.markActive();
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long now = clock.millis();
        if (sawEventSinceCheck) {
            sawEventSinceCheck = false;
            lastActivity = now;
        }
        if (!idle && now - lastActivity >= idleTimeoutMillis) {
            idle = true;
            output.markIdle();
        } else if (!idle) {
            inner.onPeriodicEmit(output);
        }
    }
}
