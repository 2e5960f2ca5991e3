package dev.runnel.api.functions;

/**
 * A {@link FlatMapFunction} with Flink's rich-function lifecycle: {@code open(OpenContext)},
 * {@code close()} and {@code getRuntimeContext()} (keyed state after {@code keyBy}).
 */
public abstract class RichFlatMapFunction<IN, OUT> extends AbstractRichFunction implements FlatMapFunction<IN, OUT> {
    private static final long serialVersionUID = 1L;

    @Override
    public abstract void flatMap(IN value, Collector<OUT> out) throws Exception;
}
