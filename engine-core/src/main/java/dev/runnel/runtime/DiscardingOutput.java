package dev.runnel.runtime;

/** The output of an operator nobody consumes. */
public final class DiscardingOutput<T> implements Output<T> {
    @Override
    public void collect(T value, long timestamp) {}

    @Override
    public void watermark(long watermark) {}

    @Override
    public void idle(boolean idle) {}

    @Override
    public void tick(long now) {}

    @Override
    public void latencyMarker(long originNanos) {
    }

    @Override
    public void end() {}
}
