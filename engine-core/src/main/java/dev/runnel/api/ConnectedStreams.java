package dev.runnel.api;

import dev.runnel.api.functions.CoFlatMapFunction;
import dev.runnel.api.functions.CoMapFunction;
import dev.runnel.api.functions.CoProcessFunction;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.functions.KeyedCoProcessFunction;
import dev.runnel.api.plan.TwoInputNode;
import dev.runnel.api.plan.TwoInputNode.Kind;
import java.util.List;
import java.util.Objects;

/**
 * Two streams, possibly of different types, processed by one function with a method per input
 * ({@code a.connect(b)}). The operator's watermark is the minimum of its two inputs' (an idle input
 * does not hold it back). Keyed ({@code keyBy(k1, k2)} or two keyed streams), records of one key from
 * both inputs meet in the same instance and share its keyed state and timers.
 */
public final class ConnectedStreams<IN1, IN2> {
    private final DataStream<IN1> first;
    private final DataStream<IN2> second;
    private final KeySelector<IN1, ?> key1;
    private final KeySelector<IN2, ?> key2;

    ConnectedStreams(DataStream<IN1> first, DataStream<IN2> second) {
        this(first, second,
            first instanceof KeyedStream<IN1, ?> k1 && second instanceof KeyedStream<IN2, ?> ? k1.keySelector() : null,
            first instanceof KeyedStream<IN1, ?> && second instanceof KeyedStream<IN2, ?> k2 ? k2.keySelector() : null);
    }

    private ConnectedStreams(DataStream<IN1> first, DataStream<IN2> second, KeySelector<IN1, ?> key1, KeySelector<IN2, ?> key2) {
        if (first.environment() != second.environment()) {
            throw new IllegalArgumentException("Cannot connect streams of different StreamEnvironments");
        }
        this.first = first;
        this.second = second;
        this.key1 = key1;
        this.key2 = key2;
    }

    public DataStream<IN1> getFirstInput() {
        return first;
    }

    public DataStream<IN2> getSecondInput() {
        return second;
    }

    /** Partitions both inputs by a key of the same type, so records with equal keys meet. */
    public <K> ConnectedStreams<IN1, IN2> keyBy(KeySelector<IN1, K> keySelector1, KeySelector<IN2, K> keySelector2) {
        return new ConnectedStreams<>(first, second, Objects.requireNonNull(keySelector1, "keySelector1"),
            Objects.requireNonNull(keySelector2, "keySelector2"));
    }

    public <R> SingleOutputStreamOperator<R> map(CoMapFunction<IN1, IN2, R> mapper) {
        return add("Co-Map", Kind.CO_MAP, Objects.requireNonNull(mapper, "mapper"));
    }

    public <R> SingleOutputStreamOperator<R> flatMap(CoFlatMapFunction<IN1, IN2, R> flatMapper) {
        return add("Co-FlatMap", Kind.CO_FLAT_MAP, Objects.requireNonNull(flatMapper, "flatMapper"));
    }

    public <R> SingleOutputStreamOperator<R> process(CoProcessFunction<IN1, IN2, R> function) {
        return add("Co-Process", Kind.CO_PROCESS, Objects.requireNonNull(function, "function"));
    }

    /** Needs keyed inputs: {@code keyBy(k1, k2)} first, or connect two keyed streams. */
    public <K, R> SingleOutputStreamOperator<R> process(KeyedCoProcessFunction<K, IN1, IN2, R> function) {
        Objects.requireNonNull(function, "function");
        if (key1 == null) {
            throw new IllegalStateException("A KeyedCoProcessFunction needs keyed inputs: call keyBy(key1, key2) on the "
                + "connected streams, or connect two keyed streams");
        }
        return add("Keyed-Co-Process", Kind.KEYED_CO_PROCESS, function);
    }

    private <R> SingleOutputStreamOperator<R> add(String name, Kind kind, Object function) {
        TwoInputNode<IN1, IN2, R> node = new TwoInputNode<>(first.node(), second.node(), name, kind, function, key1, key2, List.of());
        return new SingleOutputStreamOperator<>(first.environment(), node);
    }
}
