package dev.runnel.runtime.operators;

import dev.runnel.api.functions.Sink;
import dev.runnel.runtime.Operator;
import dev.runnel.state.KeyedRuntimeContext;
import org.HdrHistogram.Histogram;

/** Hands records to a user sink and records the transit time of latency markers. */
public final class SinkOperator<T> extends Operator<T, Void> {
    private final Sink<T> sink;
    private final Histogram latency = new Histogram(3_600_000_000_000L, 3);

    public SinkOperator(Sink<T> sink) {
        this.sink = sink;
    }

    public Histogram latencyHistogram() {
        return latency;
    }

    @Override
    public void open() throws Exception {
        UserFunctions.open(sink, new KeyedRuntimeContext(context, null));
    }

    @Override
    public void close() throws Exception {
        UserFunctions.close(sink);
    }

    @Override
    public void collect(T value, long timestamp) {
        metrics.recordsIn++;
        try {
            sink.invoke(value, timestamp);
        } catch (Exception e) {
            throw userFailure(e, null, timestamp, value);
        }
    }

    @Override
    public void latencyMarker(long originNanos) {
        long transit = System.nanoTime() - originNanos;
        if (transit >= 0 && transit <= latency.getHighestTrackableValue()) {
            latency.recordValue(transit);
        }
    }

    /** Stateless apart from the watermark. */
    @Override
    public boolean supportsCheckpoints() {
        return true;
    }
}
