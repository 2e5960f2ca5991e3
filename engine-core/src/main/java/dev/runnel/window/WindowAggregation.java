package dev.runnel.window;

import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.windowing.Window;
import java.util.List;

/**
 * What a window keeps and how it turns into output: an incremental accumulator (reduce,
 * aggregate, optionally followed by a process function) or the list of elements (process, apply).
 * {@code C} is the contents type: the accumulator or the element list.
 */
public abstract class WindowAggregation<IN, C, OUT, K, W extends Window> {

    public abstract C create();

    /** Adds an element; returns the (possibly new) contents. */
    public abstract C add(C contents, IN value) throws Exception;

    /**
     * Adds an element with its timestamp; only aggregations that keep timestamps (an evictor's)
     * override this, and only the general {@link WindowOperator} calls it.
     */
    public C add(C contents, IN value, long timestamp) throws Exception {
        return add(contents, value);
    }

    /** Merges {@code other} into {@code target}; returns the merged contents. */
    public abstract C merge(C target, C other) throws Exception;

    public abstract void emit(K key, C contents, WindowFunctionContext<W> ctx, Collector<OUT> out) throws Exception;

    /** Emits a window made of several slices (sliding windows); by default merges them into fresh contents. */
    public void emitSlices(K key, List<C> slices, WindowFunctionContext<W> ctx, Collector<OUT> out) throws Exception {
        C merged = create();
        for (C slice : slices) {
            merged = merge(merged, slice);
        }
        emit(key, merged, ctx, out);
    }

    /**
     * Whether {@link #emit} of contents to which no element was added means something: true for a
     * window function (it is called with no elements) and an aggregate function (the result of an
     * empty accumulator), false for a reduce, which has no value then. Asked by evicting windows only.
     */
    public boolean emitsWithoutElements() {
        return true;
    }

    /** The window's state is dropped: let a process function clean its per-window state. */
    public void clear(K key, WindowFunctionContext<W> ctx) throws Exception {}

    public void open(RuntimeContext context) throws Exception {}

    public void close() throws Exception {}

    /** True if firing runs user code that may use keyed state or per-window state (a window function). */
    public boolean usesKeyContext() {
        return true;
    }
}
