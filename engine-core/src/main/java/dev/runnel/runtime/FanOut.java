package dev.runnel.runtime;

import java.util.List;

/** Sends everything to several consumers, in order. */
public final class FanOut<T> implements Output<T> {
    private final Output<T>[] outputs;

    @SuppressWarnings("unchecked")
    public FanOut(List<? extends Output<T>> outputs) {
        this.outputs = outputs.toArray(new Output[0]);
    }

    @Override
    public void collect(T value, long timestamp) {
        for (Output<T> o : outputs) {
            o.collect(value, timestamp);
        }
    }

    @Override
    public void watermark(long watermark) {
        for (Output<T> o : outputs) {
            o.watermark(watermark);
        }
    }

    @Override
    public void idle(boolean idle) {
        for (Output<T> o : outputs) {
            o.idle(idle);
        }
    }

    @Override
    public void tick(long now) {
        for (Output<T> o : outputs) {
            o.tick(now);
        }
    }

    @Override
    public void latencyMarker(long originNanos) {
        for (Output<T> o : outputs) {
            o.latencyMarker(originNanos);
        }
    }

    @Override
    public void end() {
        for (Output<T> o : outputs) {
            o.end();
        }
    }
}
