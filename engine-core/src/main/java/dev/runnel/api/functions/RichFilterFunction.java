package dev.runnel.api.functions;

/**
 * A {@link FilterFunction} with Flink's rich-function lifecycle: {@code open(OpenContext)},
 * {@code close()} and {@code getRuntimeContext()} (keyed state after {@code keyBy}).
 */
public abstract class RichFilterFunction<T> extends AbstractRichFunction implements FilterFunction<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public abstract boolean filter(T value) throws Exception;
}
