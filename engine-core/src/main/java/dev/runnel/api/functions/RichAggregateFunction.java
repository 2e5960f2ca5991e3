package dev.runnel.api.functions;

/** An {@link AggregateFunction} with Flink's rich-function lifecycle. */
public abstract class RichAggregateFunction<IN, ACC, OUT> extends AbstractRichFunction implements AggregateFunction<IN, ACC, OUT> {
    private static final long serialVersionUID = 1L;
}
