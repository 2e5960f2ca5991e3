package dev.runnel.api.functions;

import dev.runnel.api.windowing.Window;

/** The non-keyed counterpart of {@link WindowFunction}, used with {@code windowAll}. */
@FunctionalInterface
public interface AllWindowFunction<IN, OUT, W extends Window> extends java.io.Serializable {
    void apply(W window, Iterable<IN> values, Collector<OUT> out) throws Exception;
}
