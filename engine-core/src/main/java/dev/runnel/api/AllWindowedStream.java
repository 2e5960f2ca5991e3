package dev.runnel.api;

import dev.runnel.api.functions.AggregateFunction;
import dev.runnel.api.functions.AllWindowFunction;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.functions.ProcessAllWindowFunction;
import dev.runnel.api.functions.ReduceFunction;
import dev.runnel.api.windowing.Trigger;
import dev.runnel.api.windowing.Window;
import dev.runnel.api.windowing.WindowAssigner;
import dev.runnel.window.ElementListAggregation;
import dev.runnel.window.IncrementalAggregation;
import dev.runnel.window.ReduceAggregate;
import dev.runnel.window.WindowAggregation;
import dev.runnel.window.WindowOperatorFactory;
import dev.runnel.window.WindowProcessor;
import java.time.Duration;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A non-keyed stream cut into windows: all elements go through one operator instance (parallelism
 * 1), as with Flink's {@code windowAll}.
 */
public final class AllWindowedStream<T, W extends Window> {
    /** Every element has this key: one window set for the whole stream. */
    private static final KeySelector<Object, Byte> ALL = v -> (byte) 0;

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

    public DataStream<T> reduce(ReduceFunction<T> reducer) {
        Objects.requireNonNull(reducer, "reducer");
        return build("AllWindowReduce", i -> new IncrementalAggregation<T, ReduceAggregate.Holder<T>, T, T, Object, W>(
            new ReduceAggregate<>(reducer), null));
    }

    public <R> DataStream<R> reduce(ReduceFunction<T> reducer, ProcessAllWindowFunction<T, R, W> function) {
        Objects.requireNonNull(function, "function");
        return build("AllWindowReduce", i -> new IncrementalAggregation<T, ReduceAggregate.Holder<T>, T, R, Object, W>(
            new ReduceAggregate<>(reducer), WindowProcessor.of(function)));
    }

    public <ACC, R> DataStream<R> aggregate(AggregateFunction<T, ACC, R> function) {
        Objects.requireNonNull(function, "function");
        return build("AllWindowAggregate", i -> new IncrementalAggregation<T, ACC, R, R, Object, W>(function, null));
    }

    public <ACC, V, R> DataStream<R> aggregate(AggregateFunction<T, ACC, V> function, ProcessAllWindowFunction<V, R, W> windowFunction) {
        Objects.requireNonNull(windowFunction, "windowFunction");
        return build("AllWindowAggregate", i -> new IncrementalAggregation<T, ACC, V, R, Object, W>(function, WindowProcessor.of(windowFunction)));
    }

    public <R> DataStream<R> process(ProcessAllWindowFunction<T, R, W> function) {
        Objects.requireNonNull(function, "function");
        return build("AllWindowProcess", i -> new ElementListAggregation<T, R, Object, W>(WindowProcessor.of(function)));
    }

    public <R> DataStream<R> apply(AllWindowFunction<T, R, W> function) {
        Objects.requireNonNull(function, "function");
        return build("AllWindowApply", i -> new ElementListAggregation<T, R, Object, W>(WindowProcessor.of(function)));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <C, R> DataStream<R> build(String name, IntFunction<WindowAggregation<T, C, R, Object, W>> aggregation) {
        WindowOperatorFactory<T, C, R, Object, W> factory = new WindowOperatorFactory<>((KeySelector) ALL, assigner, trigger,
            allowedLateness, lateDataTag, aggregation);
        return input.transformSingle(name, factory::create);
    }
}
