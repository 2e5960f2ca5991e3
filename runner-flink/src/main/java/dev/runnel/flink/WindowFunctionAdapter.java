package dev.runnel.flink;

import dev.runnel.api.OutputTag;
import dev.runnel.api.functions.KeyedStateStore;
import dev.runnel.api.functions.ProcessWindowFunction;
import dev.runnel.api.functions.WindowFunction;
import dev.runnel.api.windowing.Window;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.util.Collector;

/**
 * A Runnel {@link ProcessWindowFunction} or {@link WindowFunction} of a keyed window as Flink's
 * process window function: per-window and global state are Flink's, side outputs Flink's.
 */
final class WindowFunctionAdapter<W extends org.apache.flink.streaming.api.windowing.windows.Window>
        extends org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction<Object, Object, Object, W> {
    private static final long serialVersionUID = 1L;
    private final String name;
    private final Object fn;

    WindowFunctionAdapter(String name, Object fn) {
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
    public void process(Object key, Context ctx, Iterable<Object> elements, Collector<Object> out) throws Exception {
        if (fn instanceof WindowFunction<?, ?, ?, ?> wf) {
            ((WindowFunction<Object, Object, Object, Window>) wf).apply(key, Windows.toRunnel(ctx.window()), elements, out::collect);
        } else {
            ProcessWindowFunction<Object, Object, Object, Window> pwf = (ProcessWindowFunction<Object, Object, Object, Window>) fn;
            pwf.process(key, context(pwf, ctx), elements, out::collect);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void clear(Context ctx) throws Exception {
        if (fn instanceof ProcessWindowFunction<?, ?, ?, ?>) {
            ProcessWindowFunction<Object, Object, Object, Window> pwf = (ProcessWindowFunction<Object, Object, Object, Window>) fn;
            pwf.clear(context(pwf, ctx));
        }
    }

    private ProcessWindowFunction<Object, Object, Object, Window>.Context context(ProcessWindowFunction<Object, Object, Object, Window> pwf,
            Context ctx) {
        return pwf.new Context() {
            @Override
            public Window window() {
                return Windows.toRunnel(ctx.window());
            }

            @Override
            public long currentProcessingTime() {
                return ctx.currentProcessingTime();
            }

            @Override
            public long currentWatermark() {
                return ctx.currentWatermark();
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
