package dev.runnel.runtime.operators;

import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.BroadcastProcessFunction;
import dev.runnel.api.state.BroadcastState;
import dev.runnel.api.state.MapStateDescriptor;
import dev.runnel.api.state.ReadOnlyBroadcastState;
import dev.runnel.checkpoint.StateSerializers;
import dev.runnel.runtime.OperatorContext;
import dev.runnel.runtime.Output;
import dev.runnel.state.BroadcastStates;
import dev.runnel.state.KeyedRuntimeContext;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;

/** Runs a {@link BroadcastProcessFunction}: a non-keyed input and a broadcast input with broadcast state. */
public final class BroadcastProcessOperator<IN1, IN2, OUT> extends CoOperator<IN1, IN2, OUT> {
    private final BroadcastProcessFunction<IN1, IN2, OUT> function;
    private final List<MapStateDescriptor<?, ?>> descriptors;
    private BroadcastStates broadcastStates;
    private TimestampedCollector<OUT> collector;
    private ReadOnlyContextImpl readOnly;
    private ContextImpl full;

    public BroadcastProcessOperator(BroadcastProcessFunction<IN1, IN2, OUT> function, List<MapStateDescriptor<?, ?>> descriptors) {
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
        UserFunctions.open(function, new KeyedRuntimeContext(context, null));
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
            throw userFailure(e, null, timestamp, value);
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
    public boolean supportsCheckpoints() {
        return true;
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

    private final class ReadOnlyContextImpl extends BroadcastProcessFunction<IN1, IN2, OUT>.ReadOnlyContext {
        ReadOnlyContextImpl(BroadcastProcessFunction<IN1, IN2, OUT> f) {
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
        public <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
            return broadcastStates.get(descriptor);
        }
    }

    private final class ContextImpl extends BroadcastProcessFunction<IN1, IN2, OUT>.Context {
        ContextImpl(BroadcastProcessFunction<IN1, IN2, OUT> f) {
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
        public <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor) {
            return broadcastStates.get(descriptor);
        }
    }
}
