package dev.runnel.api;

import dev.runnel.api.functions.AggregateFunction;
import dev.runnel.api.functions.KeySelector;
import dev.runnel.api.functions.ProcessWindowFunction;
import dev.runnel.api.functions.ReduceFunction;
import dev.runnel.api.functions.aggregation.AggregationFunction;
import dev.runnel.api.functions.aggregation.AggregationFunction.AggregationType;
import dev.runnel.api.functions.aggregation.ComparableAggregator;
import dev.runnel.api.functions.aggregation.SumAggregator;
import dev.runnel.api.functions.WindowFunction;
import dev.runnel.api.plan.DeclaredTypes;
import dev.runnel.api.plan.WindowNode;
import dev.runnel.api.windowing.Evictor;
import dev.runnel.api.windowing.Trigger;
import dev.runnel.api.windowing.Window;
import dev.runnel.api.windowing.WindowAssigner;
import java.time.Duration;
import java.util.Objects;

/**
 * A keyed stream cut into windows; choose a function to turn each window of each key into output.
 *
 * <pre>{@code
 * txs.keyBy(Tx::account)
 *    .window(TumblingEventTimeWindows.of(Duration.ofSeconds(10)))
 *    .allowedLateness(Duration.ofSeconds(5))
 *    .sideOutputLateData(LATE)
 *    .aggregate(new SumAmounts(), new WithWindow());
 * }</pre>
 *
 * Each result carries the window's {@code maxTimestamp} as its timestamp. Incremental functions
 * ({@code reduce}, {@code aggregate}) keep one value per window; {@code process} and {@code apply}
 * keep the elements. See docs/windows.md for the rules on lateness, cleanup and end of input.
 */
public final class WindowedStream<T, K, W extends Window> {
    private final KeyedStream<T, K> input;
    private final WindowAssigner<? super T, W> assigner;
    private Trigger<? super T, ? super W> trigger;
    private Evictor<? super T, ? super W> evictor;
    private long allowedLateness;
    private OutputTag<T> lateDataTag;

    @SuppressWarnings("unchecked")
    WindowedStream(KeyedStream<T, K> input, WindowAssigner<? super T, W> assigner) {
        this.input = input;
        this.assigner = Objects.requireNonNull(assigner, "assigner");
        this.trigger = (Trigger<? super T, ? super W>) assigner.getDefaultTrigger();
    }

    /**
     * Replaces the assigner's default trigger (event-time windows fire when the watermark passes
     * their end, processing-time windows when the clock does; global windows never fire on their own).
     */
    @SuppressWarnings("unchecked")
    public WindowedStream<T, K, W> trigger(Trigger<?, ?> trigger) {
        Objects.requireNonNull(trigger, "trigger");
        checkTrigger(assigner, trigger);
        this.trigger = (Trigger<? super T, ? super W>) trigger;
        return this;
    }

    /**
     * Removes elements when a window fires, before and/or after its function runs (Flink's evictors:
     * {@code CountEvictor}, {@code TimeEvictor}, {@code DeltaEvictor}). With an evictor every window keeps
     * all its elements, and {@code reduce}/{@code aggregate} are applied to the remaining elements at
     * each firing instead of incrementally.
     */
    public WindowedStream<T, K, W> evictor(Evictor<? super T, ? super W> evictor) {
        this.evictor = Objects.requireNonNull(evictor, "evictor");
        return this;
    }

    /** Keeps windows for {@code lateness} after the watermark passes their end; late elements re-fire them. */
    public WindowedStream<T, K, W> allowedLateness(Duration lateness) {
        this.allowedLateness = allowedLatenessMillis(assigner, lateness);
        return this;
    }

    /** @deprecated Flink's {@code Time} form (see {@link dev.runnel.api.windowing.time.Time}); use the {@code Duration} form. */
    @Deprecated
    public WindowedStream<T, K, W> allowedLateness(dev.runnel.api.windowing.time.Time lateness) {
        return allowedLateness(lateness.toDuration());
    }

    /** Elements too late for all of their windows go to {@code tag} (each exactly once) instead of being dropped. */
    public WindowedStream<T, K, W> sideOutputLateData(OutputTag<T> tag) {
        this.lateDataTag = Objects.requireNonNull(tag, "tag");
        return this;
    }

    /** Combines each window's elements two at a time; emits the combined value. */
    public SingleOutputStreamOperator<T> reduce(ReduceFunction<T> reducer) {
        Objects.requireNonNull(reducer, "reducer");
        return build("WindowReduce", reducer, null);
    }

    /** Reduces incrementally, then hands the single reduced value to {@code function} with the window and key. */
    public <R> SingleOutputStreamOperator<R> reduce(ReduceFunction<T> reducer, ProcessWindowFunction<T, R, K, W> function) {
        Objects.requireNonNull(reducer, "reducer");
        Objects.requireNonNull(function, "function");
        return build("WindowReduce", reducer, function);
    }

    /** Folds each window's elements into an accumulator; emits {@code getResult} of it. */
    public <ACC, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, R> function) {
        Objects.requireNonNull(function, "function");
        return build("WindowAggregate", function, null);
    }

    /** Aggregates incrementally, then hands the single result to {@code windowFunction} with the window and key. */
    public <ACC, V, R> SingleOutputStreamOperator<R> aggregate(AggregateFunction<T, ACC, V> function, ProcessWindowFunction<V, R, K, W> windowFunction) {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(windowFunction, "windowFunction");
        return build("WindowAggregate", function, windowFunction);
    }

    /**
     * Gives {@code function} all elements of the window, with a context for the window, time,
     * per-window and per-key state, and side outputs. Elements are kept until the window fires, so
     * prefer {@link #aggregate(AggregateFunction, ProcessWindowFunction)} when a running value is enough.
     */
    public <R> SingleOutputStreamOperator<R> process(ProcessWindowFunction<T, R, K, W> function) {
        Objects.requireNonNull(function, "function");
        return build("WindowProcess", null, function);
    }

    /** Like {@link #process}, with the older single-method {@link WindowFunction} (key, window, elements). */
    public <R> SingleOutputStreamOperator<R> apply(WindowFunction<T, R, K, W> function) {
        Objects.requireNonNull(function, "function");
        return build("WindowApply", null, function);
    }

    private <R> SingleOutputStreamOperator<R> build(String name, Object incremental, Object windowFunction) {
        KeySelector<T, K> key = input.keySelector();
        return input.append(new WindowNode<T, R, W>(input.node(), name, key, assigner, trigger, evictor, allowedLateness, lateDataTag,
            incremental, windowFunction));
    }

    /** Keyed and non-keyed windows alike: a trigger on merging windows must be able to merge. */
    static void checkTrigger(WindowAssigner<?, ?> assigner, Trigger<?, ?> trigger) {
        if (assigner instanceof dev.runnel.api.windowing.MergingWindowAssigner && !trigger.canMerge()) {
            throw new IllegalArgumentException("Trigger " + trigger + " cannot be used with merging (session) windows: "
                + "override canMerge() to return true and implement onMerge(window, ctx) to re-register its timers");
        }
    }

    /** Keyed and non-keyed windows alike: lateness is not negative and only for event-time windows. */
    static long allowedLatenessMillis(WindowAssigner<?, ?> assigner, Duration lateness) {
        Objects.requireNonNull(lateness, "lateness");
        if (lateness.isNegative()) {
            throw new IllegalArgumentException("allowedLateness must not be negative, got " + lateness);
        }
        if (lateness.compareTo(Duration.ofMillis(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException("allowedLateness is too large for event time in milliseconds, got " + lateness);
        }
        if (!assigner.isEventTime() && !lateness.isZero()) {
            throw new IllegalArgumentException("allowedLateness only applies to event-time windows, not " + assigner);
        }
        return lateness.toMillis();
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
