package dev.runnel.api;

import dev.runnel.api.functions.AggregateFunction;
import dev.runnel.api.functions.AllWindowFunction;
import dev.runnel.api.functions.ProcessAllWindowFunction;
import dev.runnel.api.functions.ReduceFunction;
import dev.runnel.api.plan.WindowNode;
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

    public AllWindowedStream<T, W> allowedLateness(Duration lateness) {
        this.allowedLateness = WindowedStream.allowedLatenessMillis(assigner, lateness);
        return this;
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
        return input.append(new WindowNode<T, R, W>(input.node(), name, null, assigner, trigger, allowedLateness, lateDataTag,
            incremental, windowFunction));
    }
}
