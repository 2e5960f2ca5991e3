package dev.runnel.window;

import dev.runnel.api.functions.AggregateFunction;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.windowing.Window;
import java.util.Collections;

/**
 * An {@link AggregateFunction} per window, optionally followed by a process function that gets the
 * single result (the {@code aggregate(f, pwf)} and {@code reduce(f, pwf)} pairs).
 */
public final class IncrementalAggregation<IN, ACC, R, OUT, K, W extends Window> extends WindowAggregation<IN, ACC, OUT, K, W> {
    private final AggregateFunction<IN, ACC, R> function;
    private final WindowProcessor<R, OUT, K, W> then;

    public IncrementalAggregation(AggregateFunction<IN, ACC, R> function, WindowProcessor<R, OUT, K, W> then) {
        this.function = function;
        this.then = then;
    }

    @Override
    public ACC create() {
        return function.createAccumulator();
    }

    @Override
    public ACC add(ACC contents, IN value) {
        return function.add(value, contents);
    }

    @Override
    public ACC merge(ACC target, ACC other) {
        return function.merge(target, other);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void emit(K key, ACC contents, WindowFunctionContext<W> ctx, Collector<OUT> out) throws Exception {
        R result = function.getResult(contents);
        if (then == null) {
            ((Collector<R>) out).collect(result);
        } else {
            then.process(key, ctx, Collections.singletonList(result), out);
        }
    }

    @Override
    public boolean emitsWithoutElements() {
        return !(function instanceof ReduceAggregate);
    }

    @Override
    public boolean usesKeyContext() {
        return then != null;
    }

    @Override
    public void clear(K key, WindowFunctionContext<W> ctx) throws Exception {
        if (then != null) {
            then.clear(key, ctx);
        }
    }

    @Override
    public void open(RuntimeContext context) throws Exception {
        dev.runnel.runtime.operators.UserFunctions.open(function, context);
        if (then != null) {
            then.open(context);
        }
    }

    @Override
    public void close() throws Exception {
        dev.runnel.runtime.operators.UserFunctions.close(function);
        if (then != null) {
            then.close();
        }
    }
}
