package dev.runnel.runtime.operators;

import dev.runnel.api.time.TimerService;
import dev.runnel.runtime.Operator;
import dev.runnel.runtime.Output;
import dev.runnel.runtime.TwoInputOperator;
import dev.runnel.runtime.TwoInputPorts;

/** Base of non-keyed two-input operators: two ports, the watermark the minimum of both inputs'. */
public abstract class CoOperator<IN1, IN2, OUT> extends Operator<Object, OUT>
        implements TwoInputOperator<IN1, IN2>, TwoInputPorts.Target<IN1, IN2> {
    private final TwoInputPorts<IN1, IN2> ports = new TwoInputPorts<>(this, this);
    protected long currentTimestamp = NO_TIMESTAMP;
    /** Time queries only: as in Flink, timers need a keyed stream. */
    protected final TimerService timeQueries = new TimerService() {
        @Override
        public long currentProcessingTime() {
            return context.clock().millis();
        }

        @Override
        public long currentWatermark() {
            return currentWatermark;
        }

        @Override
        public void registerEventTimeTimer(long time) {
            throw noTimers();
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            throw noTimers();
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            throw noTimers();
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            throw noTimers();
        }
    };

    private static UnsupportedOperationException noTimers() {
        return new UnsupportedOperationException("Setting timers is only supported on keyed streams: connect two keyed "
            + "streams (or keyBy(key1, key2)) and use a KeyedCoProcessFunction");
    }

    @Override
    public Output<IN1> input1() {
        return ports.first();
    }

    @Override
    public Output<IN2> input2() {
        return ports.second();
    }

    @Override
    public final void processElement1(IN1 value, long timestamp) {
        metrics.recordsIn++;
        currentTimestamp = timestamp;
        element1(value, timestamp);
    }

    @Override
    public final void processElement2(IN2 value, long timestamp) {
        metrics.recordsIn++;
        currentTimestamp = timestamp;
        element2(value, timestamp);
    }

    protected abstract void element1(IN1 value, long timestamp);

    protected abstract void element2(IN2 value, long timestamp);

    /** Records arrive through {@link #input1()} and {@link #input2()} only. */
    @Override
    public final void collect(Object value, long timestamp) {
        throw new IllegalStateException("internal: a two-input operator has no single input");
    }
}
