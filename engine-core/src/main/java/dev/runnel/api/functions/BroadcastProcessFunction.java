package dev.runnel.api.functions;

import dev.runnel.api.OutputTag;
import dev.runnel.api.state.BroadcastState;
import dev.runnel.api.state.MapStateDescriptor;
import dev.runnel.api.state.ReadOnlyBroadcastState;

/**
 * Processes a non-keyed stream connected with a broadcast stream: every parallel instance sees every
 * broadcast element and keeps the same broadcast state, which the other input only reads (Flink's
 * broadcast state pattern: rules, thresholds, configuration).
 */
public abstract class BroadcastProcessFunction<IN1, IN2, OUT> implements RichFunction {

    /** An element of the non-broadcast input; broadcast state is read-only here. */
    public abstract void processElement(IN1 value, ReadOnlyContext ctx, Collector<OUT> out) throws Exception;

    /** A broadcast element; every parallel instance receives it and may update the broadcast state. */
    public abstract void processBroadcastElement(IN2 value, Context ctx, Collector<OUT> out) throws Exception;

    public abstract class ReadOnlyContext {
        public abstract Long timestamp();

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();

        public abstract <X> void output(OutputTag<X> tag, X value);

        public abstract <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor);
    }

    public abstract class Context {
        public abstract Long timestamp();

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();

        public abstract <X> void output(OutputTag<X> tag, X value);

        public abstract <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> descriptor);
    }
}
