package dev.runnel.api;

import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.functions.ReduceFunction;
import dev.runnel.runtime.graph.OneInputTransformation;
import dev.runnel.runtime.graph.OperatorFactory;
import dev.runnel.runtime.operators.KeyedProcessOperator;
import dev.runnel.runtime.operators.KeyedReduceOperator;
import java.util.Objects;

/**
 * A stream partitioned by key: every record of one key goes to the same operator instance, where
 * keyed state and timers are scoped to that key.
 */
public class KeyedStream<T, K> extends DataStream<T> {
    private final KeySelector<T, K> keySelector;

    KeyedStream(DataStream<T> input, KeySelector<T, K> keySelector) {
        super(input.environment, input.transformation);
        this.keySelector = keySelector;
    }

    public KeySelector<T, K> keySelector() {
        return keySelector;
    }

    /** Adds a keyed operator (partitioned by this stream's key); public for extension modules. */
    public <R> DataStream<R> transformKeyed(String name, OperatorFactory<T, R> factory) {
        return new DataStream<>(environment, new OneInputTransformation<>(transformation, name, factory, keySelector, false));
    }

    public <R> DataStream<R> process(KeyedProcessFunction<K, T, R> function) {
        Objects.requireNonNull(function, "function");
        return transformKeyed("KeyedProcess", i -> new KeyedProcessOperator<>(keySelector, Functions.copyFor(i, function)));
    }

    /** Cuts the stream into windows per key (event- or processing-time, sessions, or global). */
    public <W extends dev.runnel.api.windowing.Window> WindowedStream<T, K, W> window(
            dev.runnel.api.windowing.WindowAssigner<? super T, W> assigner) {
        return new WindowedStream<>(this, assigner);
    }

    /** A rolling reduce: emits the updated value for the record's key on every record. */
    public DataStream<T> reduce(ReduceFunction<T> reducer) {
        Objects.requireNonNull(reducer, "reducer");
        return transformKeyed("Reduce", i -> new KeyedReduceOperator<>(keySelector, Functions.copyFor(i, reducer)));
    }
}
