package dev.runnel.runtime.operators;

import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.functions.KeyedBroadcastProcessFunction;
import dev.runnel.api.functions.KeyedStateFunction;
import dev.runnel.api.state.BroadcastState;
import dev.runnel.api.state.MapStateDescriptor;
import dev.runnel.api.state.ReadOnlyBroadcastState;
import dev.runnel.api.state.State;
import dev.runnel.api.state.StateDescriptor;
import dev.runnel.api.time.TimeDomain;
import dev.runnel.api.time.TimerService;
import dev.runnel.checkpoint.StateSerializers;
import dev.runnel.runtime.OperatorContext;
import dev.runnel.runtime.Output;
import dev.runnel.state.BroadcastStates;
import dev.runnel.state.KeyedRuntimeContext;
import dev.runnel.state.StatesByDescriptor;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/**
 * Runs a {@link KeyedBroadcastProcessFunction}: keyed elements with keyed state, timers and
 * read-only broadcast state; broadcast elements with writable broadcast state and
 * {@code applyToKeyedState} over every key of this instance.
 */
public final class KeyedBroadcastProcessOperator<K, IN1, IN2, OUT> extends KeyedCoOperator<K, IN1, IN2, OUT> {
    private final KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function;
    private final List<MapStateDescriptor<?, ?>> descriptors;
    private BroadcastStates broadcastStates;
    private KeyedRuntimeContext runtimeContext;
    private TimestampedCollector<OUT> collector;
    private ReadOnlyContextImpl readOnly;
    private ContextImpl full;
    private TimeDomain firingDomain;

    public KeyedBroadcastProcessOperator(KeySelector<IN1, K> key, KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function,
            List<MapStateDescriptor<?, ?>> descriptors) {
        super(key, null);
        this.function = function;
        this.descriptors = descriptors;
    }

    @Override
    public void setup(OperatorContext context, Output<OUT> output) {
        super.setup(context, output);
        broadcastStates = new BroadcastStates(context.name(), descriptors);
        collector = new TimestampedCollector<>(output);
        readOnly = new ReadOnlyContextImpl(function);
        full = new ContextImpl(function);
    }

    @Override
    public void open() throws Exception {
        runtimeContext = new KeyedRuntimeContext(context, backend);
        UserFunctions.open(function, runtimeContext);
    }

    @Override
    public void close() throws Exception {
        UserFunctions.close(function);
    }

    @Override
    protected void element1(IN1 value, long timestamp) {
        collector.setTimestamp(timestamp);
        try {
            function.processElement(value, readOnly, collector);
        } catch (Exception e) {
            throw userFailure(e, currentKey, timestamp, value);
        }
    }

    @Override
    protected void element2(IN2 value, long timestamp) {
        collector.setTimestamp(timestamp);
        try {
            function.processBroadcastElement(value, full, collector);
        } catch (Exception e) {
            throw userFailure(e, null, timestamp, value);
        }
    }

    @Override
    protected void onTimer(long time, Object namespace, boolean eventTime) {
        collector.setTimestamp(time);
        firingDomain = eventTime ? TimeDomain.EVENT_TIME : TimeDomain.PROCESSING_TIME;
        try {
            function.onTimer(time, readOnly, collector);
        } catch (Exception e) {
            throw userFailure(e, currentKey, time, "timer@" + time + " (" + firingDomain + ")");
        } finally {
            firingDomain = null;
        }
    }

    @Override
    public void snapshotState(DataOutput out, StateSerializers serializers) throws IOException {
        super.snapshotState(out, serializers);
        broadcastStates.snapshot(out, serializers);
    }

    @Override
    public void restoreState(DataInput in, StateSerializers serializers) throws IOException {
        super.restoreState(in, serializers);
        broadcastStates.restore(in, serializers);
    }

    /** Element side and timers: keyed state of the current key, broadcast state read-only. */
    private final class ReadOnlyContextImpl extends KeyedBroadcastProcessFunction<K, IN1, IN2, OUT>.OnTimerContext {
        ReadOnlyContextImpl(KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> f) {
            f.super();
        }

        @Override
        public Long timestamp() {
            return currentTimestamp == NO_TIMESTAMP ? null : currentTimestamp;
        }

        @Override
        public TimerService timerService() {
            return timers;
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            context.output(tag, value, currentTimestamp);
        }

        @Override
        public K getCurrentKey() {
            return currentKey;
        }

        @Override
        public <BK, BV> ReadOnlyBroadcastState<BK, BV> getBroadcastState(MapStateDescriptor<BK, BV> descriptor) {
            return broadcastStates.get(descriptor);
        }

        @Override
        public TimeDomain timeDomain() {
            if (firingDomain == null) {
                throw new IllegalStateException("timeDomain() is only defined while a timer fires");
            }
            return firingDomain;
        }
    }

    /** Broadcast side: no current key, broadcast state writable, every key's state reachable. */
    private final class ContextImpl extends KeyedBroadcastProcessFunction<K, IN1, IN2, OUT>.Context {
        ContextImpl(KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> f) {
            f.super();
        }

        @Override
        public Long timestamp() {
            return currentTimestamp == NO_TIMESTAMP ? null : currentTimestamp;
        }

        @Override
        public long currentProcessingTime() {
            return context.clock().millis();
        }

        @Override
        public long currentWatermark() {
            return currentWatermark;
        }

        @Override
        public <X> void output(OutputTag<X> tag, X value) {
            context.output(tag, value, currentTimestamp);
        }

        @Override
        public <BK, BV> BroadcastState<BK, BV> getBroadcastState(MapStateDescriptor<BK, BV> descriptor) {
            return broadcastStates.get(descriptor);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <S extends State> void applyToKeyedState(StateDescriptor<?> descriptor, KeyedStateFunction<K, S> fn) throws Exception {
            S state = (S) StatesByDescriptor.of(runtimeContext, descriptor);
            try {
                for (Object key : backend.keysWithState(descriptor.getName())) {
                    setCurrentKey((K) key);
                    fn.process((K) key, state);
                }
            } finally {
                setCurrentKey(null);
            }
        }
    }
}
