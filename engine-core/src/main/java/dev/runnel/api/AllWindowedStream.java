package dev.runnel.api;

import dev.runnel.api.functions.AggregateFunction;
import dev.runnel.api.functions.AllWindowFunction;
import dev.runnel.api.functions.ProcessAllWindowFunction;
import dev.runnel.api.functions.ReduceFunction;
import dev.runnel.api.functions.aggregation.AggregationFunction;
import dev.runnel.api.functions.aggregation.AggregationFunction.AggregationType;
import dev.runnel.api.functions.aggregation.ComparableAggregator;
import dev.runnel.api.functions.aggregation.SumAggregator;
import dev.runnel.api.plan.DeclaredTypes;
import dev.runnel.api.plan.WindowNode;
import dev.runnel.api.windowing.Evictor;
import dev.runnel.api.windowing.Trigger;
import dev.runnel.api.windowing.Window;
import dev.runnel.api.windowing.WindowAssigner;
import java.time.Duration;
import java.util.Objects;

/**
 * A non-keyed stream cut into windows: all elements go through one operator instance (parallelism
 * 1), as with Flink's {@code windowAll}.
 */
public final class AllWindowedStream<T, W extends Window> {
    private final DataStream<T> input;
    private final WindowAssigner<? super T, W> assigner;
    private Trigger<? super T, ? super W> trigger;
    private Evictor<? super T, ? super W> evictor;
    private long allowedLateness;
    private OutputTag<T> lateDataTag;

    @SuppressWarnings("unchecked")
    AllWindowedStream(DataStream<T> input, WindowAssigner<? super T, W> assigner) {
        this.input = input;
        this.assigner = Objects.requireNonNull(assigner, "assigner");
        this.trigger = (Trigger<? super T, ? super W>) assigner.getDefaultTrigger();
    }

    @SuppressWarnings("unchecked")
    public AllWindowedStream<T, W> trigger(Trigger<?, ?> trigger) {
        Objects.requireNonNull(trigger, "trigger");
        WindowedStream.checkTrigger(assigner, trigger);
        this.trigger = (Trigger<? super T, ? super W>) trigger;
        return this;
    }

    /** Removes elements when a window fires; see {@link WindowedStream#evictor}. */
    public AllWindowedStream<T, W> evictor(Evictor<? super T, ? super W> evictor) {
        this.evictor = Objects.requireNonNull(evictor, "evictor");
        return this;
    }

    public AllWindowedStream<T, W> allowedLateness(Duration lateness) {
        this.allowedLateness = WindowedStream.allowedLatenessMillis(assigner, lateness);
        return this;
    }

    /** @deprecated Flink's {@code Time} form (see {@link dev.runnel.api.windowing.time.Time}); use the {@code Duration} form. */
    @Deprecated
    public AllWindowedStream<T, W> allowedLateness(dev.runnel.api.windowing.time.Time lateness) {
        return allowedLateness(lateness.toDuration());
    }

    public AllWindowedStream<T, W> sideOutputLateData(OutputTag<T> tag) {
        this.lateDataTag = Objects.requireNonNull(tag, "tag");
        return this;
    }

    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
        Objects.requireNonNull(reducer, "reducer");
        return build("AllWindowReduce", reducer, null);
    }

    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reducer, ProcessAllWindowFunction<T, R, W> function) {
        Objects.requireNonNull(reducer, "reducer");
        Objects.requireNonNull(function, "function");
        return build("AllWindowReduce", reducer, function);
    }

    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
        Objects.requireNonNull(function, "function");
        return build("AllWindowAggregate", function, null);
    }

    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> function, ProcessAllWindowFunction<V, R, W> windowFunction) {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(windowFunction, "windowFunction");
        return build("AllWindowAggregate", function, windowFunction);
    }

    public <R> SingleOutputStreamOperator<R> process(ProcessAllWindowFunction<T, R, W> function) {
        Objects.requireNonNull(function, "function");
        return build("AllWindowProcess", null, function);
    }

    public <R> SingleOutputStreamOperator<R> apply(AllWindowFunction<T, R, W> function) {
        Objects.requireNonNull(function, "function");
        return build("AllWindowApply", null, function);
    }

    /** No key: the plan node asks for one instance that sees the whole stream. */
    private <R> SingleOutputStreamOperator<R> build(String name, Object incremental, Object windowFunction) {
        return input.append(new WindowNode<T, R, W>(input.node(), name, null, assigner, trigger, evictor, allowedLateness, lateDataTag,
            incremental, windowFunction));
    }

    private SingleOutputStreamOperator<T> aggregate(AggregationFunction<T> aggregation) {
        return reduce(aggregation.checkDeclared(DeclaredTypes.of(input.node())));
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
