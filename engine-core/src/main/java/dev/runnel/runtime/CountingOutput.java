package dev.runnel.runtime;

/** Counts records leaving an operator on their way to the next. */
public final class CountingOutput<T> implements Output<T> {
    private final Output<T> next;
    private final OperatorMetrics metrics;

    public CountingOutput(Output<T> next, OperatorMetrics metrics) {
        this.next = next;
        this.metrics = metrics;
    }

    @Override
    public void collect(T value, long timestamp) {
        metrics.recordsOut++;
        next.collect(value, timestamp);
    }

    @Override
    public void watermark(long watermark) {
        next.watermark(watermark);
    }

    @Override
    public void idle(boolean idle) {
        next.idle(idle);
    }

    @Override
    public void tick(long now) {
        next.tick(now);
    }

    @Override
    public void latencyMarker(long originNanos) {
        next.latencyMarker(originNanos);
    }

    @Override
    public void end() {
        next.end();
    }
}
