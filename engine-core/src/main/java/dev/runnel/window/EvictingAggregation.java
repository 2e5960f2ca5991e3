package dev.runnel.window;

import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.windowing.Evictor;
import dev.runnel.api.windowing.TimestampedValue;
import dev.runnel.api.windowing.Window;
import java.util.ArrayList;

/**
 * A window with an evictor (Flink's {@code EvictingWindowOperator} semantics): the window keeps every
 * element with its timestamp; at each firing the evictor's {@code evictBefore} runs, the window's
 * function — incremental or not — is applied to the remaining elements, then {@code evictAfter}
 * runs, and what is left stays in the window for later firings. A window whose elements were all
 * evicted does not fire until it gets new ones. When {@code evictBefore} removes every element, a
 * window function is called with none and an aggregate function emits the result of an empty
 * accumulator, as in Flink; a reduce emits nothing (Flink would send {@code null} downstream).
 * Only the general {@link WindowOperator} calls {@link #add(ArrayList, Object, long)} with timestamps,
 * so {@link WindowOperatorFactory} always picks it for this aggregation.
 */
public final class EvictingAggregation<IN, C, OUT, K, W extends Window> extends WindowAggregation<IN, ArrayList<TimestampedValue<IN>>, OUT, K, W> {
    private final Evictor<? super IN, ? super W> evictor;
    private final WindowAggregation<IN, C, OUT, K, W> function;
    private final Time time = new Time();

    public EvictingAggregation(Evictor<? super IN, ? super W> evictor, WindowAggregation<IN, C, OUT, K, W> function) {
        this.evictor = evictor;
        this.function = function;
    }

    @Override
    public ArrayList<TimestampedValue<IN>> create() {
        return new ArrayList<>(4);
    }

    @Override
    public ArrayList<TimestampedValue<IN>> add(ArrayList<TimestampedValue<IN>> contents, IN value) {
        contents.add(new TimestampedValue<>(value));
        return contents;
    }

    @Override
    public ArrayList<TimestampedValue<IN>> add(ArrayList<TimestampedValue<IN>> contents, IN value, long timestamp) {
        contents.add(new TimestampedValue<>(value, timestamp));
        return contents;
    }

    @Override
    public ArrayList<TimestampedValue<IN>> merge(ArrayList<TimestampedValue<IN>> target, ArrayList<TimestampedValue<IN>> other) {
        target.addAll(other);
        return target;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void emit(K key, ArrayList<TimestampedValue<IN>> contents, WindowFunctionContext<W> ctx, Collector<OUT> out) throws Exception {
        if (contents.isEmpty()) {
            return;
        }
        time.ctx = ctx;
        Evictor<IN, W> e = (Evictor) evictor;
        e.evictBefore(contents, contents.size(), ctx.window(), time);
        if (!contents.isEmpty() || function.emitsWithoutElements()) {
            C applied = function.create();
            for (TimestampedValue<IN> v : contents) {
                applied = function.add(applied, v.getValue());
            }
            function.emit(key, applied, ctx, out);
        }
        e.evictAfter(contents, contents.size(), ctx.window(), time);
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

    @Override
    public boolean usesKeyContext() {
        return function.usesKeyContext();
    }

    /** The evictor's view of time: the firing window's. */
    private static final class Time implements Evictor.EvictorContext {
        WindowFunctionContext<?> ctx;

        @Override
        public long getCurrentProcessingTime() {
            return ctx.currentProcessingTime();
        }

        @Override
        public long getCurrentWatermark() {
            return ctx.currentWatermark();
        }
    }
}
