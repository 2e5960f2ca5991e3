package dev.runnel.api.functions;

import dev.runnel.api.windowing.Window;

/** The simple form of a window function: key, window, elements. */
@FunctionalInterface
public interface WindowFunction<IN, OUT, KEY, W extends Window> extends java.io.Serializable {
    void apply(KEY key, W window, Iterable<IN> input, Collector<OUT> out) throws Exception;
}
