package dev.runnel.api.functions;

import dev.runnel.api.OutputTag;
import dev.runnel.api.windowing.Window;

/**
 * Processes all elements (or the pre-aggregated result) of one window of one key, with the window,
 * time, per-window and per-key state, and side outputs at hand.
 */
public abstract class ProcessWindowFunction<IN, OUT, KEY, W extends Window> extends AbstractRichFunction {

    public abstract void process(KEY key, Context context, Iterable<IN> elements, Collector<OUT> out) throws Exception;

    /** Called when the window's state is dropped; clean up {@link Context#windowState()} here. */
    public void clear(Context context) throws Exception {}

    public abstract class Context {
        public abstract W window();

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();

        /** State of the current key and window; it lives until the window is dropped. */
        public abstract KeyedStateStore windowState();

        /** State of the current key, shared by all its windows. */
        public abstract KeyedStateStore globalState();

        public abstract <X> void output(OutputTag<X> tag, X value);
    }
}
