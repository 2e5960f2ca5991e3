package dev.runnel.api;

import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.functions.ReduceFunction;
import dev.runnel.api.plan.FunctionNode;
import dev.runnel.api.plan.FunctionNode.Kind;
import java.util.Objects;

/**
 * A stream partitioned by key: every record of one key goes to the same operator instance, where
 * keyed state and timers are scoped to that key.
 */
public class KeyedStream<T, K> extends DataStream<T> {
    private final KeySelector<T, K> keySelector;

    KeyedStream(DataStream<T> input, KeySelector<T, K> keySelector) {
        super(input.environment, input.node);
        this.keySelector = keySelector;
    }

    public KeySelector<T, K> keySelector() {
        return keySelector;
    }

    private <R> SingleOutputStreamOperator<R> keyedFunction(String name, Kind kind, Object function) {
        return append(new FunctionNode<>(node, name, kind, function, keySelector));
    }

    public <R> SingleOutputStreamOperator<R> process(KeyedProcessFunction<K, T, R> function) {
        Objects.requireNonNull(function, "function");
        return keyedFunction("KeyedProcess", Kind.KEYED_PROCESS, function);
    }

    /** Cuts the stream into windows per key (event- or processing-time, sessions, or global). */
    public <W extends dev.runnel.api.windowing.Window> WindowedStream<T, K, W> window(
            dev.runnel.api.windowing.WindowAssigner<? super T, W> assigner) {
        return new WindowedStream<>(this, assigner);
    }

    /** A rolling reduce: emits the updated value for the record's key on every record. */
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
        Objects.requireNonNull(reducer, "reducer");
        return keyedFunction("Reduce", Kind.KEYED_REDUCE, reducer);
    }
}
