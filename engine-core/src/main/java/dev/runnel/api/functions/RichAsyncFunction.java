package dev.runnel.api.functions;

/**
 * An {@link AsyncFunction} with Flink's rich-function lifecycle: {@code open(OpenContext)} to create
 * the client, {@code close()} to release it, {@code getRuntimeContext()}.
 */
public abstract class RichAsyncFunction<IN, OUT> extends AbstractRichFunction implements AsyncFunction<IN, OUT> {
    private static final long serialVersionUID = 1L;
}
