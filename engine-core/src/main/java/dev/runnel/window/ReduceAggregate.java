package dev.runnel.window;

import dev.runnel.api.functions.AggregateFunction;
import dev.runnel.api.functions.ReduceFunction;

/** A {@link ReduceFunction} as an aggregate whose accumulator holds the reduced value. */
public final class ReduceAggregate<T> implements AggregateFunction<T, ReduceAggregate.Holder<T>, T>, dev.runnel.api.functions.RichFunction {
    private final ReduceFunction<T> reducer;

    public ReduceAggregate(ReduceFunction<T> reducer) {
        this.reducer = reducer;
    }

    /** Mutable so that adding does not allocate; serializable for checkpoints of window contents. */
    public static final class Holder<T> implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        T value;
    }

    @Override
    public void open(dev.runnel.api.functions.RuntimeContext context) throws Exception {
        dev.runnel.runtime.operators.UserFunctions.open(reducer, context);
    }

    @Override
    public void close() throws Exception {
        dev.runnel.runtime.operators.UserFunctions.close(reducer);
    }

    @Override
    public Holder<T> createAccumulator() {
        return new Holder<>();
    }

    @Override
    public Holder<T> add(T value, Holder<T> acc) {
        if (acc.value == null && reducer instanceof dev.runnel.api.functions.aggregation.AggregationFunction<T> aggregation) {
            aggregation.validate(value); // a built-in aggregation's field must exist, even in a window's only record
        }
        acc.value = acc.value == null ? value : reduce(acc.value, value);
        return acc;
    }

    @Override
    public T getResult(Holder<T> acc) {
        return acc.value;
    }

    @Override
    public Holder<T> merge(Holder<T> a, Holder<T> b) {
        if (b.value != null) {
            a.value = a.value == null ? b.value : reduce(a.value, b.value);
        }
        return a;
    }

    private T reduce(T a, T b) {
        try {
            return reducer.reduce(a, b);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new dev.runnel.state.StateFunctionException(e);
        }
    }
}
