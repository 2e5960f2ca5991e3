package dev.runnel.window;

import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.AllWindowFunction;
import dev.runnel.api.functions.Collector;
import dev.runnel.api.functions.KeyedStateStore;
import dev.runnel.api.functions.ProcessAllWindowFunction;
import dev.runnel.api.functions.ProcessWindowFunction;
import dev.runnel.api.functions.RuntimeContext;
import dev.runnel.api.functions.WindowFunction;
import dev.runnel.api.windowing.Window;
import dev.runnel.runtime.operators.UserFunctions;

/** One shape for the user's full window functions (process, apply, and their windowAll forms). */
public abstract class WindowProcessor<IN, OUT, K, W extends Window> {

    public abstract void process(K key, WindowFunctionContext<W> ctx, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    public void clear(K key, WindowFunctionContext<W> ctx) throws Exception {}

    public void open(RuntimeContext context) throws Exception {}

    public void close() throws Exception {}

    public static <IN, OUT, K, W extends Window> WindowProcessor<IN, OUT, K, W> of(ProcessWindowFunction<IN, OUT, K, W> f) {
        return new WindowProcessor<>() {
            private final Adapter context = new Adapter();

            final class Adapter extends ProcessWindowFunction<IN, OUT, K, W>.Context {
                WindowFunctionContext<W> delegate;

                Adapter() {
                    f.super();
                }

                @Override
                public W window() {
                    return delegate.window();
                }

                @Override
                public long currentProcessingTime() {
                    return delegate.currentProcessingTime();
                }

                @Override
                public long currentWatermark() {
                    return delegate.currentWatermark();
                }

                @Override
                public KeyedStateStore windowState() {
                    return delegate.windowState();
                }

                @Override
                public KeyedStateStore globalState() {
                    return delegate.globalState();
                }

                @Override
                public <X> void output(OutputTag<X> tag, X value) {
                    delegate.output(tag, value);
                }
            }

            @Override
            public void process(K key, WindowFunctionContext<W> ctx, Iterable<IN> elements, Collector<OUT> out) throws Exception {
                context.delegate = ctx;
                f.process(key, context, elements, out);
            }

            @Override
            public void clear(K key, WindowFunctionContext<W> ctx) throws Exception {
                context.delegate = ctx;
                f.clear(context);
            }

            @Override
            public void open(RuntimeContext rc) throws Exception {
                UserFunctions.open(f, rc);
            }

            @Override
            public void close() throws Exception {
                f.close();
            }
        };
    }

    public static <IN, OUT, W extends Window> WindowProcessor<IN, OUT, Object, W> of(ProcessAllWindowFunction<IN, OUT, W> f) {
        return new WindowProcessor<>() {
            private final Adapter context = new Adapter();

            final class Adapter extends ProcessAllWindowFunction<IN, OUT, W>.Context {
                WindowFunctionContext<W> delegate;

                Adapter() {
                    f.super();
                }

                @Override
                public W window() {
                    return delegate.window();
                }

                @Override
                public long currentProcessingTime() {
                    return delegate.currentProcessingTime();
                }

                @Override
                public long currentWatermark() {
                    return delegate.currentWatermark();
                }

                @Override
                public KeyedStateStore windowState() {
                    return delegate.windowState();
                }

                @Override
                public KeyedStateStore globalState() {
                    return delegate.globalState();
                }

                @Override
                public <X> void output(OutputTag<X> tag, X value) {
                    delegate.output(tag, value);
                }
            }

            @Override
            public void process(Object key, WindowFunctionContext<W> ctx, Iterable<IN> elements, Collector<OUT> out) throws Exception {
                context.delegate = ctx;
                f.process(context, elements, out);
            }

            @Override
            public void clear(Object key, WindowFunctionContext<W> ctx) throws Exception {
                context.delegate = ctx;
                f.clear(context);
            }

            @Override
            public void open(RuntimeContext rc) throws Exception {
                UserFunctions.open(f, rc);
            }

            @Override
            public void close() throws Exception {
                f.close();
            }
        };
    }

    public static <IN, OUT, K, W extends Window> WindowProcessor<IN, OUT, K, W> of(WindowFunction<IN, OUT, K, W> f) {
        return new WindowProcessor<>() {
            @Override
            public void process(K key, WindowFunctionContext<W> ctx, Iterable<IN> elements, Collector<OUT> out) throws Exception {
                f.apply(key, ctx.window(), elements, out);
            }

            @Override
            public void open(RuntimeContext rc) throws Exception {
                UserFunctions.open(f, rc);
            }

            @Override
            public void close() throws Exception {
                UserFunctions.close(f);
            }
        };
    }

    public static <IN, OUT, W extends Window> WindowProcessor<IN, OUT, Object, W> of(AllWindowFunction<IN, OUT, W> f) {
        return new WindowProcessor<>() {
            @Override
            public void process(Object key, WindowFunctionContext<W> ctx, Iterable<IN> elements, Collector<OUT> out) throws Exception {
                f.apply(ctx.window(), elements, out);
            }

            @Override
            public void open(RuntimeContext rc) throws Exception {
                UserFunctions.open(f, rc);
            }

            @Override
            public void close() throws Exception {
                UserFunctions.close(f);
            }
        };
    }
}
