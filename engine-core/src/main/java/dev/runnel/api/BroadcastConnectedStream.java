package dev.runnel.api;

import dev.runnel.api.functions.BroadcastProcessFunction;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.functions.KeyedBroadcastProcessFunction;
import dev.runnel.api.plan.TwoInputNode;
import dev.runnel.api.plan.TwoInputNode.Kind;
import java.util.Objects;

/** A stream (keyed or not) connected with a {@link BroadcastStream}: {@code stream.connect(broadcast)}. */
public final class BroadcastConnectedStream<IN1, IN2> {
    private final DataStream<IN1> first;
    private final BroadcastStream<IN2> broadcast;

    BroadcastConnectedStream(DataStream<IN1> first, BroadcastStream<IN2> broadcast) {
        if (first.environment() != broadcast.input().environment()) {
            throw new IllegalArgumentException("Cannot connect streams of different StreamEnvironments");
        }
        this.first = first;
        this.broadcast = broadcast;
    }

    /** For a non-keyed first input. */
    public <R> SingleOutputStreamOperator<R> process(BroadcastProcessFunction<IN1, IN2, R> function) {
        Objects.requireNonNull(function, "function");
        if (first instanceof KeyedStream<?, ?>) {
            throw new IllegalArgumentException("The first input is keyed: use a KeyedBroadcastProcessFunction");
        }
        return add("Broadcast-Process", Kind.BROADCAST_PROCESS, function, null);
    }

    /** For a keyed first input: keyed state and timers per key, broadcast state shared. */
    public <K, R> SingleOutputStreamOperator<R> process(KeyedBroadcastProcessFunction<K, IN1, IN2, R> function) {
        Objects.requireNonNull(function, "function");
        if (!(first instanceof KeyedStream<IN1, ?> keyed)) {
            throw new IllegalArgumentException("A KeyedBroadcastProcessFunction needs a keyed first input: call keyBy before connect");
        }
        return add("Keyed-Broadcast-Process", Kind.KEYED_BROADCAST_PROCESS, function, keyed.keySelector());
    }

    private <R> SingleOutputStreamOperator<R> add(String name, Kind kind, Object function, KeySelector<IN1, ?> key) {
        TwoInputNode<IN1, IN2, R> node = new TwoInputNode<>(first.node(), broadcast.input().node(), name, kind, function,
            key, null, broadcast.getBroadcastStateDescriptors());
        return new SingleOutputStreamOperator<>(first.environment(), node);
    }
}
