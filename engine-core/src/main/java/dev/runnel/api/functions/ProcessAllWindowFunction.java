package dev.runnel.api.functions;

import dev.runnel.api.OutputTag;
import dev.runnel.api.windowing.Window;

/** The non-keyed counterpart of {@link ProcessWindowFunction}, used with {@code windowAll}. */
public abstract class ProcessAllWindowFunction<IN, OUT, W extends Window> extends AbstractRichFunction {

    public abstract void process(Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    public void clear(Context context) throws Exception {}

    public abstract class Context {
        public abstract W window();

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();

        public abstract KeyedStateStore windowState();

        public abstract KeyedStateStore globalState();

        public abstract <X> void output(OutputTag<X> tag, X value);
    }
}
