package dev.runnel.api.functions;

/**
 * A {@link ReduceFunction} with Flink's rich-function lifecycle: {@code open(OpenContext)},
 * {@code close()} and {@code getRuntimeContext()} (keyed state after {@code keyBy}).
 */
public abstract class RichReduceFunction<T> extends AbstractRichFunction implements ReduceFunction<T> {
    private static final long serialVersionUID = 1L;

    @Override
    public abstract T reduce(T accumulated, T value) throws Exception;
}
