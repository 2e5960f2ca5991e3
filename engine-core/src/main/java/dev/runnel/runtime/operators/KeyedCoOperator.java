package dev.runnel.runtime.operators;

import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.time.TimerService;
import dev.runnel.runtime.KeyedOperator;
import dev.runnel.runtime.OperatorException;
import dev.runnel.runtime.Output;
import dev.runnel.runtime.TwoInputOperator;
import dev.runnel.runtime.TwoInputPorts;

/**
 * Base of keyed two-input operators: each input's key selector sets the current key before its
 * element method runs, so both inputs of one key share keyed state and timers. A second input
 * without a key selector is a broadcast input: its elements run with no current key.
 */
public abstract class KeyedCoOperator<K, IN1, IN2, OUT> extends KeyedOperator<K, Object, OUT>
        implements TwoInputOperator<IN1, IN2>, TwoInputPorts.Target<IN1, IN2> {
    private final KeySelector<IN1, K> key1;
    private final KeySelector<IN2, K> key2;
    private final TwoInputPorts<IN1, IN2> ports;
    protected final TimerService timers = new Timers();

    protected KeyedCoOperator(KeySelector<IN1, K> key1, KeySelector<IN2, K> key2) {
        super(null);
        this.key1 = key1;
        this.key2 = key2;
        this.ports = new TwoInputPorts<>(this, this);
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
        setCurrentKey(key(key1, value, timestamp));
        currentTimestamp = timestamp;
        element1(value, timestamp);
    }

    @Override
    public final void processElement2(IN2 value, long timestamp) {
        metrics.recordsIn++;
        if (key2 != null) {
            setCurrentKey(key(key2, value, timestamp));
        } else {
            setCurrentKey(null); // a broadcast element belongs to no key
        }
        currentTimestamp = timestamp;
        element2(value, timestamp);
    }

    protected abstract void element1(IN1 value, long timestamp);

    protected abstract void element2(IN2 value, long timestamp);

    /** Records arrive through {@link #input1()} and {@link #input2()} only. */
    @Override
    protected final void processElement(Object value, long timestamp) {
        throw new IllegalStateException("internal: a two-input operator has no single input");
    }

    private <T> K key(KeySelector<T, K> selector, T value, long timestamp) {
        K key;
        try {
            key = selector.getKey(value);
        } catch (Exception e) {
            throw userFailure(e, null, timestamp, value);
        }
        if (key == null) {
            throw new OperatorException("Key selector of operator '" + context.name() + "' returned null for record "
                + OperatorException.abbreviate(value) + " (timestamp " + timestamp + "); keys must not be null", null);
        }
        return key;
    }

    /** Keyed state and timers live in the backend and timer queues, which the base snapshots. */
    @Override
    public boolean supportsCheckpoints() {
        return true;
    }

    /** Per-key timers of the current key. */
    private final class Timers implements TimerService {
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
            eventTimers.register(checkedKey(), null, time);
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            processingTimers.register(checkedKey(), null, time);
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            eventTimers.delete(checkedKey(), null, time);
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            processingTimers.delete(checkedKey(), null, time);
        }

        private K checkedKey() {
            if (currentKey == null) {
                throw new UnsupportedOperationException("Timers need a current key; a broadcast element has none "
                    + "(set timers from processElement or onTimer)");
            }
            return currentKey;
        }
    }
}
