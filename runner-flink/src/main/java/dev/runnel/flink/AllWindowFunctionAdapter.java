package dev.runnel.flink;

import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.AllWindowFunction;
import dev.runnel.api.functions.KeyedStateStore;
import dev.runnel.api.functions.ProcessAllWindowFunction;
import dev.runnel.api.windowing.Window;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.util.Collector;

/** A Runnel {@link ProcessAllWindowFunction} or {@link AllWindowFunction} ({@code windowAll}) as Flink's. */
final class AllWindowFunctionAdapter<W extends org.apache.flink.streaming.api.windowing.windows.Window>
        extends org.apache.flink.streaming.api.functions.windowing.ProcessAllWindowFunction<Object, Object, W> {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final Object fn;

    AllWindowFunctionAdapter(String name, Object fn) {
        this.name = name;
        this.fn = fn;
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        RuntimeContextAdapter.open(fn, name, getRuntimeContext());
    }

    @Override
    public void close() throws Exception {
        RuntimeContextAdapter.close(fn);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Context ctx, Iterable<Object> elements, Collector<Object> out) throws Exception {
        if (fn instanceof AllWindowFunction<?, ?, ?> wf) {
            ((AllWindowFunction<Object, Object, Window>) wf).apply(Windows.toRunnel(ctx.window()), elements, out::collect);
        } else {
            ProcessAllWindowFunction<Object, Object, Window> pwf = (ProcessAllWindowFunction<Object, Object, Window>) fn;
            pwf.process(context(pwf, ctx), elements, out::collect);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void clear(Context ctx) throws Exception {
        if (fn instanceof ProcessAllWindowFunction<?, ?, ?>) {
            ProcessAllWindowFunction<Object, Object, Window> pwf = (ProcessAllWindowFunction<Object, Object, Window>) fn;
            pwf.clear(context(pwf, ctx));
        }
    }

    private ProcessAllWindowFunction<Object, Object, Window>.Context context(ProcessAllWindowFunction<Object, Object, Window> pwf,
            Context ctx) {
        return pwf.new Context() {
            @Override
            public Window window() {
                return Windows.toRunnel(ctx.window());
            }

            @Override
            public long currentProcessingTime() {
                return System.currentTimeMillis(); // Flink's all-window context has no timer service
            }

            @Override
            public long currentWatermark() {
                throw new UnsupportedOperationException("Flink's ProcessAllWindowFunction context has no watermark; "
                    + "use keyBy(...).window(...) to read it");
            }

            @Override
            public KeyedStateStore windowState() {
                return new StateStoreAdapter(ctx.windowState());
            }

            @Override
            public KeyedStateStore globalState() {
                return new StateStoreAdapter(ctx.globalState());
            }

            @Override
            public <X> void output(OutputTag<X> tag, X value) {
                ctx.output(SideTags.of(tag), value);
            }
        };
    }
}
