package dev.runnel.api;

import dev.runnel.api.CoGroupedStreams.TaggedUnion;
import dev.runnel.api.functions.CoGroupFunction;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.RichFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.functions.WindowFunction;
import dev.runnel.api.windowing.Window;
import java.util.ArrayList;
import java.util.List;

/**
 * The window function of a co-group (Flink's {@code CoGroupWindowFunction}): splits a window's
 * tagged elements back into the two inputs, each in the order the window holds them, and hands both
 * to the user's {@link CoGroupFunction}. A user function that is a {@link RichFunction} is wrapped
 * by the rich variant, which the runtime copies per parallel subtask and opens; a plain one is
 * shared, like any plain function.
 */
class CoGroupWindowFunction<T1, T2, T, KEY, W extends Window> implements WindowFunction<TaggedUnion<T1, T2>, T, KEY, W> {
    private static final long serialVersionUID = 1L;
    final CoGroupFunction<T1, T2, T> function;

    CoGroupWindowFunction(CoGroupFunction<T1, T2, T> function) {
        this.function = function;
    }

    static <T1, T2, T, KEY, W extends Window> CoGroupWindowFunction<T1, T2, T, KEY, W> of(CoGroupFunction<T1, T2, T> function) {
        return function instanceof RichFunction ? new Rich<>(function) : new CoGroupWindowFunction<>(function);
    }

    @Override
    public void apply(KEY key, W window, Iterable<TaggedUnion<T1, T2>> input, Collector<T> out) throws Exception {
        // new lists per firing, not reused: the user's function may keep the iterables (as in Flink)
        List<T1> first = new ArrayList<>();
        List<T2> second = new ArrayList<>();
        for (TaggedUnion<T1, T2> element : input) {
            if (element.isOne()) {
                first.add(element.getOne());
            } else {
                second.add(element.getTwo());
            }
        }
        function.coGroup(first, second, out);
    }

    @Override
    public String toString() {
        return "CoGroup(" + function + ")";
    }

    /** For user functions with open/close: copied per subtask, opened with the window operator's context. */
    static final class Rich<T1, T2, T, KEY, W extends Window> extends CoGroupWindowFunction<T1, T2, T, KEY, W> implements RichFunction {
        private static final long serialVersionUID = 1L;

        Rich(CoGroupFunction<T1, T2, T> function) {
            super(function);
        }

        @Override
        public void open(RuntimeContext context) throws Exception {
            ((RichFunction) function).open(context);
        }

        @Override
        public void close() throws Exception {
            ((RichFunction) function).close();
        }
    }
}
