package dev.runnel.api.functions;

/**
 * A {@link MapFunction} with Flink's rich-function lifecycle: {@code open(OpenContext)},
 * {@code close()} and {@code getRuntimeContext()} (keyed state after {@code keyBy}).
 */
public abstract class RichMapFunction<IN, OUT> extends AbstractRichFunction implements MapFunction<IN, OUT> {
    private static final long serialVersionUID = 1L;

    @Override
    public abstract OUT map(IN value) throws Exception;
}
