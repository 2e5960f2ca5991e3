package dev.runnel.api;

import dev.runnel.api.functions.FilterFunction;
import dev.runnel.api.functions.FlatMapFunction;
import dev.runnel.api.functions.KeyedProcessFunction;
import dev.runnel.api.functions.MapFunction;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.functions.ReduceFunction;
import dev.runnel.api.functions.aggregation.AggregationFunction;
import dev.runnel.api.functions.aggregation.AggregationFunction.AggregationType;
import dev.runnel.api.functions.aggregation.ComparableAggregator;
import dev.runnel.api.functions.aggregation.SumAggregator;
import dev.runnel.api.plan.DeclaredTypes;
import dev.runnel.api.plan.FunctionNode;
import dev.runnel.api.plan.FunctionNode.Kind;
import dev.runnel.api.windowing.CountEvictor;
import dev.runnel.api.windowing.CountTrigger;
import dev.runnel.api.windowing.GlobalWindow;
import dev.runnel.api.windowing.GlobalWindows;
import dev.runnel.api.windowing.PurgingTrigger;
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

    /**
     * A map on the keyed stream: it runs partitioned by key, so a rich function
     * ({@code RichMapFunction}) can use keyed state through {@code getRuntimeContext()}, as in Flink.
     */
    @Override
    public <R> SingleOutputStreamOperator<R> map(MapFunction<T, R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return keyedFunction("Map", Kind.MAP, mapper);
    }

    /** A filter on the keyed stream, with keyed state available to a rich function; see {@link #map}. */
    @Override
    public SingleOutputStreamOperator<T> filter(FilterFunction<T> filter) {
        Objects.requireNonNull(filter, "filter");
        return keyedFunction("Filter", Kind.FILTER, filter);
    }

    /** A flatMap on the keyed stream, with keyed state available to a rich function; see {@link #map}. */
    @Override
    public <R> SingleOutputStreamOperator<R> flatMap(FlatMapFunction<T, R> flatMapper) {
        Objects.requireNonNull(flatMapper, "flatMapper");
        return keyedFunction("FlatMap", Kind.FLAT_MAP, flatMapper);
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

    /**
     * Joins this stream with {@code other} by key and an interval of event time:
     * {@code intervalJoin(other).between(lower, upper).process(fn)} (Flink's interval join).
     */
    public <T1> IntervalJoin<T, T1, K> intervalJoin(KeyedStream<T1, K> other) {
        return new IntervalJoin<>(this, Objects.requireNonNull(other, "other"));
    }

    /** A rolling reduce: emits the updated value for the record's key on every record. */
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
        Objects.requireNonNull(reducer, "reducer");
        return keyedFunction("Reduce", Kind.KEYED_REDUCE, reducer);
    }

    /** Tumbling count windows: each window fires and is purged after {@code size} elements of its key (Flink's countWindow). */
    public WindowedStream<T, K, GlobalWindow> countWindow(long size) {
        return window(GlobalWindows.create()).trigger(PurgingTrigger.of(CountTrigger.of(size)));
    }

    /**
     * Sliding count windows: every {@code slide} elements of a key, fires over its last {@code size}
     * elements (Flink's countWindow: a {@link CountEvictor} of {@code size} and a {@link CountTrigger} of {@code slide}).
     */
    public WindowedStream<T, K, GlobalWindow> countWindow(long size, long slide) {
        return window(GlobalWindows.create()).evictor(CountEvictor.of(size)).trigger(CountTrigger.of(slide));
    }

    private SingleOutputStreamOperator<T> aggregate(AggregationFunction<T> aggregation) {
        return keyedFunction("Aggregation", Kind.KEYED_REDUCE, aggregation.checkDeclared(DeclaredTypes.of(node)));
    }

    // ---- built-in aggregations (Flink's): reduce functions over one field, see docs/windows.md

    /** Sums the field at {@code position} (tuples: {@code fN}); other fields keep the first element's values. */
    public SingleOutputStreamOperator<T> sum(int position) {
        return aggregate(new SumAggregator<>(position));
    }

    /** Sums the named field (a POJO's public field or getter/setter, a record component, a tuple's {@code fN}). */
    public SingleOutputStreamOperator<T> sum(String field) {
        return aggregate(new SumAggregator<>(field));
    }

    /** The minimum of the field; only that field is updated, the others keep the first element's values (as in Flink). */
    public SingleOutputStreamOperator<T> min(int position) {
        return aggregate(new ComparableAggregator<>(position, AggregationType.MIN, false));
    }

    public SingleOutputStreamOperator<T> min(String field) {
        return aggregate(new ComparableAggregator<>(field, AggregationType.MIN, false));
    }

    /** The maximum of the field; only that field is updated, the others keep the first element's values (as in Flink). */
    public SingleOutputStreamOperator<T> max(int position) {
        return aggregate(new ComparableAggregator<>(position, AggregationType.MAX, false));
    }

    public SingleOutputStreamOperator<T> max(String field) {
        return aggregate(new ComparableAggregator<>(field, AggregationType.MAX, false));
    }

    /** The element with the minimum field value (the first one on a tie). */
    public SingleOutputStreamOperator<T> minBy(int position) {
        return minBy(position, true);
    }

    public SingleOutputStreamOperator<T> minBy(String field) {
        return minBy(field, true);
    }

    /** The element with the minimum field value; on a tie the first one if {@code first}, otherwise the last one. */
    public SingleOutputStreamOperator<T> minBy(int position, boolean first) {
        return aggregate(new ComparableAggregator<>(position, AggregationType.MINBY, first));
    }

    public SingleOutputStreamOperator<T> minBy(String field, boolean first) {
        return aggregate(new ComparableAggregator<>(field, AggregationType.MINBY, first));
    }

    /** The element with the maximum field value (the first one on a tie). */
    public SingleOutputStreamOperator<T> maxBy(int position) {
        return maxBy(position, true);
    }

    public SingleOutputStreamOperator<T> maxBy(String field) {
        return maxBy(field, true);
    }

    /** The element with the maximum field value; on a tie the first one if {@code first}, otherwise the last one. */
    public SingleOutputStreamOperator<T> maxBy(int position, boolean first) {
        return aggregate(new ComparableAggregator<>(position, AggregationType.MAXBY, first));
    }

    public SingleOutputStreamOperator<T> maxBy(String field, boolean first) {
        return aggregate(new ComparableAggregator<>(field, AggregationType.MAXBY, first));
    }
}
