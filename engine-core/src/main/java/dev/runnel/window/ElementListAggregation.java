package dev.runnel.window;

import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.windowing.Window;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Keeps a window's elements for a function that needs them all ({@code process}, {@code apply}).
 * With slices, each element is stored once in its slice and a firing window iterates its slices in
 * place, so overlapping sliding windows share the elements instead of copying them.
 */
public final class ElementListAggregation<IN, OUT, K, W extends Window> extends WindowAggregation<IN, ArrayList<IN>, OUT, K, W> {
    private final WindowProcessor<IN, OUT, K, W> function;

    public ElementListAggregation(WindowProcessor<IN, OUT, K, W> function) {
        this.function = function;
    }

    @Override
    public ArrayList<IN> create() {
        return new ArrayList<>(4);
    }

    @Override
    public ArrayList<IN> add(ArrayList<IN> contents, IN value) {
        contents.add(value);
        return contents;
    }

    @Override
    public ArrayList<IN> merge(ArrayList<IN> target, ArrayList<IN> other) {
        target.addAll(other);
        return target;
    }

    @Override
    public void emit(K key, ArrayList<IN> contents, WindowFunctionContext<W> ctx, Collector<OUT> out) throws Exception {
        function.process(key, ctx, contents, out);
    }

    @Override
    public void emitSlices(K key, List<ArrayList<IN>> slices, WindowFunctionContext<W> ctx, Collector<OUT> out) throws Exception {
        function.process(key, ctx, () -> new SlicesIterator<>(slices), out);
    }

    @Override
    public void clear(K key, WindowFunctionContext<W> ctx) throws Exception {
        function.clear(key, ctx);
    }

    @Override
    public void open(RuntimeContext context) throws Exception {
        function.open(context);
    }

    @Override
    public void close() throws Exception {
        function.close();
    }

    private static final class SlicesIterator<T> implements Iterator<T> {
        private final List<ArrayList<T>> slices;
        private int slice;
        private int index;

        SlicesIterator(List<ArrayList<T>> slices) {
            this.slices = slices;
        }

        @Override
        public boolean hasNext() {
            while (slice < slices.size() && index >= slices.get(slice).size()) {
                slice++;
                index = 0;
            }
            return slice < slices.size();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return slices.get(slice).get(index++);
        }
    }
}
